<?xml version="1.0" encoding="UTF-8"?>
<!-- 404 (view "not-found"). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('error.not-found.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="pt-status-page">
      <xsl:with-param name="title-key" select="'error.not-found.title'"/>
      <xsl:with-param name="text-key" select="'error.not-found.text'"/>
      <xsl:with-param name="kind" select="'info'"/>
      <xsl:with-param name="actions">
        <a class="btn btn-primary" href="/"><xsl:value-of select="pt:t('error.back-home')"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
