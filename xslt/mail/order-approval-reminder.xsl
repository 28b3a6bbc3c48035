<?xml version="1.0" encoding="UTF-8"?>
<!--
  An order has waited a business day for approval: to the approvers and
  customer admins of its organisation (processes/order-approval.bpmn,
  flowd's mail.send).  data as in order-common.xsl (the order's facts,
  since the instance's variable order_id names it).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.order-approval-reminder.subject'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.order-approval-reminder.body'"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="$facts-key"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order-approval.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.order-approval-reminder.body'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="$facts-key"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.order-approval.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
