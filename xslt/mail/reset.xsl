<?xml version="1.0" encoding="UTF-8"?>
<!--
  Password reset link (the answer to "forgot password").
  data: <link>https://portal.example.com/auth/password/reset?token=...</link> (or a path)
        <expires-minutes>60</expires-minutes>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="minutes">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'expires-minutes'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link">
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'link'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="expiry">
    <xsl:if test="string($minutes) != ''">
      <xsl:call-template name="mail-fill">
        <xsl:with-param name="text" select="pt:t('mail.reset.expires')"/>
        <xsl:with-param name="name" select="'minutes'"/>
        <xsl:with-param name="value" select="string($minutes)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:value-of select="pt:t('mail.reset.subject')"/>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:value-of select="concat(pt:t('mail.reset.body'), $nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.reset.button')"/>
    </xsl:call-template>
    <xsl:call-template name="expiry"/>
    <xsl:value-of select="concat($nl, $nl, pt:t('mail.reset.ignore'), $nl)"/>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.reset.body')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.reset.button')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content"><xsl:call-template name="expiry"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.reset.ignore')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
