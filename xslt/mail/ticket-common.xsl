<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the ticket mails share (included by ticket-new, ticket-reply,
  ticket-update).  data: <number/> <subject/> <priority/> <requester/>
  <org/> <service/> <author/> <text/> (a message, plain text)
  <link/> (the ticket page).  <status/> and <reason/> (ticket-status).  Each mail sets $kind: new |
  reply | update | status.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:variable name="number">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'number'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="tsubject">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'subject'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="status">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'status'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="reason">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'reason'"/></xsl:call-template>
  </xsl:variable>
  <!-- A change of status says the new one in words; other mails quote a message. -->
  <xsl:variable name="text">
    <xsl:choose>
      <xsl:when test="string($status) != ''">
        <xsl:value-of select="pt:t(concat('mail.ticket.status.', $status))"/>
        <xsl:if test="string($reason) != ''">
          <xsl:value-of select="concat(' ', pt:t(concat('mail.ticket.reason.', $reason)))"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'text'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link">
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'link'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <!-- A catalogue text with every {name} of the data filled in. -->
  <xsl:template name="ticket-fill">
    <xsl:param name="key"/>
    <xsl:call-template name="ticket-fill-names">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="names" select="'number subject requester org service author priority '"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ticket-fill-names">
    <xsl:param name="text"/>
    <xsl:param name="names"/>
    <xsl:choose>
      <xsl:when test="$names = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="name" select="substring-before($names, ' ')"/>
        <xsl:call-template name="ticket-fill-names">
          <xsl:with-param name="text">
            <xsl:call-template name="mail-fill">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="value">
                <xsl:call-template name="mail-value"><xsl:with-param name="name" select="$name"/></xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="names" select="substring-after($names, ' ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="ticket-fill">
      <xsl:with-param name="key" select="concat('mail.ticket-', $kind, '.subject')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="ticket-fill"><xsl:with-param name="key" select="concat('mail.ticket-', $kind, '.body')"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:value-of select="$text"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.ticket.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="ticket-fill"><xsl:with-param name="key" select="concat('mail.ticket-', $kind, '.body')"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid {$theme-mail-border};white-space:pre-wrap;color:{$theme-mail-text}">
      <xsl:value-of select="$text"/>
    </blockquote>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.ticket.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
