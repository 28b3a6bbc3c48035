<?xml version="1.0" encoding="UTF-8"?>
<!-- 404 in the knowledge base (view "not-found" of the kb worker): an
     article or category that does not exist or that this reader may not
     see (the same answer for both). Offers a search and the KB home
     instead of a dead end. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="kb-common.xsl"/>

  <xsl:template match="page" mode="head">
    <xsl:call-template name="kb-head"/>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('kb.not-found.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="pt-status-page">
      <xsl:with-param name="title-key" select="'kb.not-found.title'"/>
      <xsl:with-param name="text-key" select="'kb.not-found.text'"/>
      <xsl:with-param name="kind" select="'info'"/>
      <xsl:with-param name="more">
        <xsl:call-template name="kb-search-box">
          <xsl:with-param name="id" select="'kb-nf-q'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="actions">
        <a class="btn btn-primary" href="/kb/"><xsl:value-of select="pt:t('kb.not-found.home')"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
