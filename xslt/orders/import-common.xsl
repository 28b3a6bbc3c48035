<?xml version="1.0" encoding="UTF-8"?>
<!-- What the two views of the price list import share (included after
     orders-common.xsl): the list of a file's errors by line. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <!-- /page/or-import/error: line, key, detail. -->
  <xsl:template name="or-import-errors">
    <xsl:variable name="i" select="/page/or-import"/>
    <xsl:if test="$i/error">
      <section class="card or-import-errors" aria-labelledby="errors-title">
        <h2 id="errors-title">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.import.errors'"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string($i/@errors)"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="$i/error">
            <li>
              <strong>
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.import.line'"/>
                  <xsl:with-param name="name" select="'n'"/>
                  <xsl:with-param name="value" select="string(@line)"/>
                </xsl:call-template>
              </strong>
              <xsl:text> </xsl:text>
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="@key"/>
                <xsl:with-param name="name" select="'detail'"/>
                <xsl:with-param name="value" select="string(@detail)"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$i/@errors &gt; count($i/error)">
          <p class="hint">
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.import.errors.more'"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="string($i/@errors - count($i/error))"/>
            </xsl:call-template>
          </p>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
