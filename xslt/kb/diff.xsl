<?xml version="1.0" encoding="UTF-8"?>
<!-- Two versions of an article's body compared line by line (view "diff"):
     <diff from to added removed><line op="same|add|del">…</line></diff>.
     Added and removed lines are marked by more than colour: a sign and
     hidden text for screen readers. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="editor-common.xsl"/>

  <xsl:variable name="d" select="/page/diff"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text">
        <xsl:call-template name="kb-fill">
          <xsl:with-param name="key" select="'kb.editor.diff.title'"/>
          <xsl:with-param name="name" select="'from'"/>
          <xsl:with-param name="value" select="$d/@from"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="name" select="'to'"/>
      <xsl:with-param name="value" select="string($d/@to)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="{$d/@base}/versions?lang={$d/@lang}"><xsl:value-of select="pt:t('kb.editor.versions.back')"/></a></p>
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <p class="lead"><xsl:value-of select="$d/title"/></p>
    <xsl:if test="$d/title-change">
      <p>
        <xsl:value-of select="pt:t('kb.editor.diff.title-changed')"/><xsl:text> </xsl:text>
        <del><xsl:value-of select="$d/title-change/from"/></del>
        <xsl:text> → </xsl:text>
        <ins><xsl:value-of select="$d/title-change/to"/></ins>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$d/@too-large = '1'">
        <p class="empty-state">
          <xsl:call-template name="kb-fill">
            <xsl:with-param name="key" select="'kb.editor.diff.too-large'"/>
            <xsl:with-param name="name" select="'max'"/>
            <xsl:with-param name="value" select="$d/@max-lines"/>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="kb-diff-summary">
          <span class="kb-diff-count-add">
            <xsl:call-template name="kb-fill">
              <xsl:with-param name="key" select="'kb.editor.diff.added'"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="$d/@added"/>
            </xsl:call-template>
          </span>
          <xsl:text> · </xsl:text>
          <span class="kb-diff-count-del">
            <xsl:call-template name="kb-fill">
              <xsl:with-param name="key" select="'kb.editor.diff.removed'"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="$d/@removed"/>
            </xsl:call-template>
          </span>
        </p>
        <ol class="kb-diff">
          <xsl:for-each select="$d/line">
            <li class="kb-diff-{@op}">
              <xsl:choose>
                <xsl:when test="@op = 'add'">
                  <span class="kb-diff-sign" aria-hidden="true">+</span>
                  <span class="visually-hidden"><xsl:value-of select="pt:t('kb.editor.diff.line-added')"/><xsl:text> </xsl:text></span>
                  <ins><code><xsl:value-of select="."/></code></ins>
                </xsl:when>
                <xsl:when test="@op = 'del'">
                  <span class="kb-diff-sign" aria-hidden="true">−</span>
                  <span class="visually-hidden"><xsl:value-of select="pt:t('kb.editor.diff.line-removed')"/><xsl:text> </xsl:text></span>
                  <del><code><xsl:value-of select="."/></code></del>
                </xsl:when>
                <xsl:otherwise>
                  <span class="kb-diff-sign" aria-hidden="true"><xsl:text> </xsl:text></span>
                  <code><xsl:value-of select="."/></code>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
