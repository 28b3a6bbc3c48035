<?xml version="1.0" encoding="UTF-8"?>
<!-- Suggestions for free text (view "suggest"): an HTML fragment, not a
     page, for the ticket form and the assistant to place into their own
     pages.  It does not import layout.xsl; the runtime still imports the
     theme after it, whose named templates this fragment never calls. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="page/suggestions"/>
  </xsl:template>

  <xsl:template match="suggestions">
    <section class="kb-suggest" aria-labelledby="kb-suggest-heading">
      <h2 id="kb-suggest-heading"><xsl:value-of select="pt:t('kb.suggest.heading')"/></h2>
      <xsl:for-each select="/page/messages/message[@kind = 'error']">
        <xsl:variable name="text" select="pt:t(@key)"/>
        <p class="field-error" role="alert">
          <!-- A limit's message says the limit ({max}); layout.xsl's
               pt-message-text does this on pages. -->
          <xsl:choose>
            <xsl:when test="string(@max) != '' and contains($text, '{max}')">
              <xsl:value-of select="concat(substring-before($text, '{max}'), @max, substring-after($text, '{max}'))"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="suggestion">
          <ul class="kb-suggest-list">
            <xsl:for-each select="suggestion">
              <li>
                <a href="{@href}">
                  <xsl:if test="@lang != /page/@lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
                  <xsl:value-of select="@title"/>
                </a>
                <xsl:if test="string(@summary) != ''">
                  <p class="kb-suggest-summary">
                    <xsl:if test="@lang != /page/@lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
                    <xsl:value-of select="@summary"/>
                  </p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="string(@q) != ''">
          <p class="kb-suggest-none"><xsl:value-of select="pt:t('kb.suggest.none')"/></p>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
