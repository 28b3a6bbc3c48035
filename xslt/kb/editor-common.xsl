<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by the authoring views (editor, editor-form, versions, diff,
     editor-upload, editor-archive): stylesheets and script, status and audience badges, the tabs of
     one article, and the pager of the list. Included, never a view. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/kb-editor.css"/>
    <!-- The live preview and title suggestions of the article form; the form works without it. -->
    <xsl:if test="/page/@view = 'editor-form'">
      <script src="/static/js/kb-editor.js" defer="defer"></script>
    </xsl:if>
  </xsl:template>

  <xsl:template name="kb-status">
    <xsl:param name="status"/>
    <span class="status-badge kb-status-{$status}">
      <xsl:value-of select="pt:t(concat('kb.editor.status.', $status))"/>
    </span>
  </xsl:template>

  <xsl:template name="kb-audience">
    <xsl:param name="audience"/>
    <xsl:value-of select="pt:t(concat('kb.editor.audience.', $audience))"/>
  </xsl:template>

  <!-- The tabs of one article in one language: edit, versions. -->
  <xsl:template name="kb-article-tabs">
    <xsl:param name="base"/>
    <xsl:param name="lang"/>
    <xsl:param name="current"/>
    <nav class="kb-tabs" aria-label="{pt:t('kb.editor.tabs')}">
      <ul>
        <li>
          <a href="{$base}?lang={$lang}">
            <xsl:if test="$current = 'edit'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
            <xsl:value-of select="pt:t('kb.editor.tab.edit')"/>
          </a>
        </li>
        <li>
          <a href="{$base}/versions?lang={$lang}">
            <xsl:if test="$current = 'versions'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
            <xsl:value-of select="pt:t('kb.editor.tab.versions')"/>
          </a>
        </li>
      </ul>
    </nav>
  </xsl:template>

  <!-- {name} in text replaced by value (one placeholder). -->
  <xsl:template name="kb-fill">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="value" select="string($value)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
