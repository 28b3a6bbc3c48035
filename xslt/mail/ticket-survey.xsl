<?xml version="1.0" encoding="UTF-8"?>
<!--
  The satisfaction survey of a resolved ticket, to its requester
  (cgi-bin-src/tickets/survey.c).
  data: <number/> <subject/> <service/> (in the recipient's language)
        <link/> (the signed survey link, working without signing in)
        <days/> (how long the link works) <change-days/> (how long an
        answer may be changed).
  Besides the button, one link per rating (?rating=N) opens the form with
  that rating chosen; nothing is saved until the form is sent.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link">
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'link'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <!-- A catalogue text with every {name} of the data filled in. -->
  <xsl:template name="survey-fill">
    <xsl:param name="key"/>
    <xsl:param name="text" select="pt:t($key)"/>
    <xsl:param name="names" select="'number subject service days change-days '"/>
    <xsl:choose>
      <xsl:when test="$names = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="name" select="substring-before($names, ' ')"/>
        <xsl:call-template name="survey-fill">
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
    <xsl:call-template name="survey-fill"><xsl:with-param name="key" select="'mail.ticket-survey.subject'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="survey-fill"><xsl:with-param name="key" select="'mail.ticket-survey.body'"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.ticket-survey.button')"/>
    </xsl:call-template>
    <xsl:call-template name="survey-fill"><xsl:with-param name="key" select="'mail.ticket-survey.expires'"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="survey-fill"><xsl:with-param name="key" select="'mail.ticket-survey.body'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="string($url) != ''">
      <p style="margin:0 0 8px 0"><xsl:value-of select="pt:t('mail.ticket-survey.quick')"/></p>
      <p style="margin:0 0 16px 0">
        <xsl:call-template name="quick-link"><xsl:with-param name="n" select="1"/></xsl:call-template>
        <xsl:call-template name="quick-link"><xsl:with-param name="n" select="2"/></xsl:call-template>
        <xsl:call-template name="quick-link"><xsl:with-param name="n" select="3"/></xsl:call-template>
        <xsl:call-template name="quick-link"><xsl:with-param name="n" select="4"/></xsl:call-template>
        <xsl:call-template name="quick-link"><xsl:with-param name="n" select="5"/></xsl:call-template>
      </p>
    </xsl:if>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.ticket-survey.button')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="survey-fill"><xsl:with-param name="key" select="'mail.ticket-survey.expires'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One rating as a link that opens the form with it chosen; the label says it in words. -->
  <xsl:template name="quick-link">
    <xsl:param name="n"/>
    <a href="{concat($url, '?rating=', $n)}"
        style="display:inline-block;margin:0 8px 8px 0;padding:8px 12px;border:1px solid {$theme-mail-border};border-radius:4px;color:{$theme-mail-brand};text-decoration:none">
      <xsl:value-of select="pt:t(concat('tickets.survey.rating.', $n))"/>
    </a>
  </xsl:template>

</xsl:stylesheet>
