<?xml version="1.0" encoding="UTF-8"?>
<!-- What the figures pages (survey-results.xsl, deflection.xsl) share:
     the choice of the period (periods/@current, period/@days) as links,
     the current one marked with aria-current. Included. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template match="periods">
    <xsl:param name="base"/>
    <nav class="tk-periods" aria-label="{pt:t('tickets.figures.period')}">
      <ul>
        <xsl:for-each select="period">
          <li>
            <a href="{concat($base, '?days=', @days)}">
              <xsl:if test="@days = ../@current">
                <xsl:attribute name="aria-current">page</xsl:attribute>
                <xsl:attribute name="class">current</xsl:attribute>
              </xsl:if>
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key" select="'tickets.figures.days'"/>
                <xsl:with-param name="name" select="'days'"/>
                <xsl:with-param name="value" select="string(@days)"/>
              </xsl:call-template>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <!-- A share in percent, without decimals; a dash when there is nothing to share. -->
  <xsl:template name="tk-percent">
    <xsl:param name="part"/>
    <xsl:param name="whole"/>
    <xsl:choose>
      <xsl:when test="number($whole) &gt; 0"><xsl:value-of select="concat(round(100 * $part div $whole), ' %')"/></xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
