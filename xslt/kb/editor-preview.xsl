<?xml version="1.0" encoding="UTF-8"?>
<!-- The live preview of an article body (view "editor-preview"): an HTML
     fragment, not a page, that htdocs/js/kb-editor.js places beside the
     textarea. The body is the sanitised XHTML a save would store; it is
     copied, never re-parsed; its tables are wrapped as on the article page
     (common/table.xsl). Like suggest.xsl it does not import layout.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:include href="../common/table.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <div class="kb-live-fragment">
      <xsl:for-each select="page/messages/message[@kind = 'error']">
        <xsl:variable name="text" select="pt:t(@key)"/>
        <p class="field-error">
          <xsl:choose>
            <xsl:when test="string(@max) != '' and contains($text, '{max}')">
              <xsl:value-of select="concat(substring-before($text, '{max}'), @max, substring-after($text, '{max}'))"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:for-each>
      <xsl:apply-templates select="page/kb-preview/body/node()" mode="pt-rich-text"/>
    </div>
  </xsl:template>

</xsl:stylesheet>
