<?xml version="1.0" encoding="UTF-8"?>
<!-- Articles whose title matches what an editor typed (view
     "editor-titles"): an HTML fragment of suggestions for the related
     articles of the editor form (htdocs/js/kb-editor.js reads it). Like
     suggest.xsl it does not import layout.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <ul class="kb-titles">
      <xsl:for-each select="page/kb-titles/article">
        <li data-id="{@id}" data-status="{@status}"
            data-status-label="{pt:t(concat('kb.editor.status.', @status))}">
          <xsl:value-of select="title"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

</xsl:stylesheet>
