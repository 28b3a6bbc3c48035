<?xml version="1.0" encoding="UTF-8"?>
<!-- 503 (view "unavailable"): the database cannot be reached. Renders with
     no session user and without languages or CSRF token. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('error.unavailable.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="again">
      <xsl:choose>
        <xsl:when test="starts-with(@path, '/') and not(starts-with(@path, '//'))"><xsl:value-of select="@path"/></xsl:when>
        <xsl:otherwise>/</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="pt-status-page">
      <xsl:with-param name="title-key" select="'error.unavailable.title'"/>
      <xsl:with-param name="text-key" select="'error.unavailable.text'"/>
      <xsl:with-param name="kind" select="'warning'"/>
      <xsl:with-param name="actions">
        <a class="btn btn-primary" href="{$again}"><xsl:value-of select="pt:t('error.try-again')"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
