<?xml version="1.0" encoding="UTF-8"?>
<!-- An upload that was refused (view "editor-upload"): why, the form to
     try again, and the way back to the article. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="editor-common.xsl"/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="u" select="kb-upload"/>
    <xsl:variable name="q">
      <xsl:if test="string($u/@lang) != ''">?lang=<xsl:value-of select="$u/@lang"/></xsl:if>
    </xsl:variable>
    <p class="back-link"><a href="{$u/@base}{$q}"><xsl:value-of select="pt:t('kb.editor.file.back')"/></a></p>
    <section class="card form-card" aria-labelledby="upload-title">
      <h1 id="upload-title"><xsl:value-of select="pt:t('title.editor-upload')"/></h1>
      <form method="post" action="{$u/@base}/attachments{$q}" enctype="multipart/form-data" class="form">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field has-error">
          <label for="file"><xsl:value-of select="pt:t('kb.editor.file')"/></label>
          <p class="hint" id="file-hint"><xsl:value-of select="pt:t('kb.editor.file.hint')"/></p>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'file'"/></xsl:call-template>
          <input type="file" id="file" name="file" aria-describedby="file-error file-hint" aria-invalid="true"/>
        </div>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('kb.editor.file.upload')"/></button>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
