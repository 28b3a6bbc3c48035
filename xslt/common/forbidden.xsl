<?xml version="1.0" encoding="UTF-8"?>
<!-- 403 (view "forbidden"). With message error.csrf it explains the expired form. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="messages/message[@key = 'error.csrf']"><xsl:value-of select="pt:t('error.csrf.title')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('error.forbidden.title')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="csrf" select="boolean(messages/message[@key = 'error.csrf'])"/>
    <xsl:call-template name="pt-status-page">
      <xsl:with-param name="title-key">
        <xsl:choose>
          <xsl:when test="$csrf">error.csrf.title</xsl:when>
          <xsl:otherwise>error.forbidden.title</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="text-key">
        <xsl:choose>
          <xsl:when test="$csrf">error.csrf.text</xsl:when>
          <xsl:otherwise>error.forbidden.text</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="actions">
        <xsl:choose>
          <xsl:when test="$pt-user">
            <a class="btn btn-primary" href="/"><xsl:value-of select="pt:t('error.back-home')"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a class="btn btn-primary" href="/auth/login"><xsl:value-of select="pt:t('error.back-login')"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
