<?xml version="1.0" encoding="UTF-8"?>
<!--
  Welcome to the admin of a new customer organisation once they accepted
  their invitation: from the process customer-onboarding
  (processes/customer-onboarding.bpmn, action mail.send).  data: the
  instance's variables as <variables><var name="...">, here org_name;
  <base-url>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="org" select="normalize-space(/mail/data/variables/var[@name = 'org_name'])"/>
  <xsl:variable name="users">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link" select="'/auth/users'"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="with-org">
    <xsl:param name="key"/>
    <xsl:call-template name="mail-fill">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="'org'"/>
      <xsl:with-param name="value" select="$org"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="with-org">
      <xsl:with-param name="key" select="'mail.welcome.subject'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="with-org">
      <xsl:with-param name="key" select="'mail.welcome.body'"/>
    </xsl:call-template>
    <xsl:value-of select="concat($nl, $nl, pt:t('mail.welcome.what'), $nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="string($users)"/>
      <xsl:with-param name="label" select="pt:t('mail.welcome.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="with-org">
          <xsl:with-param name="key" select="'mail.welcome.body'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.welcome.what')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="string($users)"/>
      <xsl:with-param name="label" select="pt:t('mail.welcome.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
