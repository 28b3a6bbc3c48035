<?xml version="1.0" encoding="UTF-8"?>
<!-- Asks before an article is archived (view "editor-archive"): what
     archiving does, the confirming button (a POST with confirm=1) and
     Cancel, a link back to the editor that changes nothing. Data:
     kb-archive (id, lang, base, title, status, allowed). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="editor-common.xsl"/>

  <xsl:variable name="k" select="/page/kb-archive"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="kb-fill">
      <xsl:with-param name="key" select="'kb.editor.archive.title'"/>
      <xsl:with-param name="name" select="'title'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="string($k/@title) != ''"><xsl:value-of select="$k/@title"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$k/@slug"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="back" select="concat($k/@base, '?lang=', $k/@lang)"/>
    <section class="card form-card kb-archive-confirm" aria-labelledby="archive-title">
      <h1 id="archive-title"><xsl:apply-templates select="/page" mode="title"/></h1>
      <xsl:choose>
        <xsl:when test="$k/@allowed = '1'">
          <p><xsl:value-of select="pt:t('kb.editor.archive.what')"/></p>
          <p><xsl:value-of select="pt:t('kb.editor.archive.undo')"/></p>
          <form method="post" action="{$k/@base}/state" class="kb-confirm-actions">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="lang" value="{$k/@lang}"/>
            <input type="hidden" name="to" value="archived"/>
            <input type="hidden" name="confirm" value="1"/>
            <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('kb.editor.archive.confirm')"/></button>
            <a class="btn btn-secondary" href="{$back}"><xsl:value-of select="pt:t('kb.editor.archive.cancel')"/></a>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="pt:t('kb.editor.archive.not-published')"/></p>
          <p><a href="{$back}"><xsl:value-of select="pt:t('kb.editor.file.back')"/></a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
