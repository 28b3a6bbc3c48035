<?xml version="1.0" encoding="UTF-8"?>
<!--
  Invitation of a new user by an org admin.
  data: <inviter>Anna Admin</inviter> <org>Acme Industrial Ltd</org>
        <link>https://portal.example.com/auth/invite?token=...</link> (or a path)
        <expires-days>7</expires-days>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="inviter">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'inviter'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="org">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'org'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="days">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'expires-days'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link">
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'link'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="body">
    <xsl:call-template name="mail-fill">
      <xsl:with-param name="text">
        <xsl:call-template name="mail-fill">
          <xsl:with-param name="text" select="pt:t('mail.invite.body')"/>
          <xsl:with-param name="name" select="'inviter'"/>
          <xsl:with-param name="value" select="string($inviter)"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="name" select="'org'"/>
      <xsl:with-param name="value" select="string($org)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="expiry">
    <xsl:if test="string($days) != ''">
      <xsl:call-template name="mail-fill">
        <xsl:with-param name="text" select="pt:t('mail.invite.expires')"/>
        <xsl:with-param name="name" select="'days'"/>
        <xsl:with-param name="value" select="string($days)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="mail-fill">
      <xsl:with-param name="text" select="pt:t('mail.invite.subject')"/>
      <xsl:with-param name="name" select="'org'"/>
      <xsl:with-param name="value" select="string($org)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="body"/>
    <xsl:value-of select="concat($nl, $nl, pt:t('mail.invite.action'), $nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.invite.button')"/>
    </xsl:call-template>
    <xsl:call-template name="expiry"/>
    <xsl:value-of select="concat($nl, $nl, pt:t('mail.invite.ignore'), $nl)"/>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content"><xsl:call-template name="body"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.invite.action')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.invite.button')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content"><xsl:call-template name="expiry"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.invite.ignore')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
