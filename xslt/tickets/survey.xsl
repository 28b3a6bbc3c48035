<?xml version="1.0" encoding="UTF-8"?>
<!-- The page of a survey mail's link (view "survey"), which works without
     signing in for that one ticket: the ticket's number, subject and
     service and the survey (survey-form.xsl). When the link cannot be
     used, survey-page/@refused says why (invalid 403; expired, replaced,
     reopened 410) and the page says only that: nothing of the ticket. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="survey-form.xsl"/>

  <xsl:variable name="sp" select="/page/survey-page"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$sp/@refused"><xsl:value-of select="pt:t(concat('tickets.survey.', $sp/@refused, '.title'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(pt:t('title.survey'), ': ', $sp/@number)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:choose>
      <xsl:when test="$sp/@refused">
        <xsl:call-template name="pt-status-page">
          <xsl:with-param name="title-key" select="concat('tickets.survey.', $sp/@refused, '.title')"/>
          <xsl:with-param name="text-key" select="concat('tickets.survey.', $sp/@refused, '.text')"/>
          <xsl:with-param name="kind">
            <xsl:choose>
              <xsl:when test="$sp/@refused = 'invalid'">error</xsl:when>
              <xsl:otherwise>info</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="actions">
            <xsl:choose>
              <xsl:when test="$pt-user">
                <a class="btn btn-primary" href="/tickets/mine"><xsl:value-of select="pt:t('nav.tickets.mine')"/></a>
              </xsl:when>
              <xsl:otherwise>
                <a class="btn btn-primary" href="/auth/login?next=/tickets/mine"><xsl:value-of select="pt:t('error.back-login')"/></a>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="tk-survey-page">
          <header class="tk-head">
            <p class="eyebrow">
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key" select="'tickets.survey.page.ticket'"/>
                <xsl:with-param name="name" select="'number'"/>
                <xsl:with-param name="value" select="string($sp/@number)"/>
              </xsl:call-template>
            </p>
            <h1><xsl:value-of select="$sp/subject"/></h1>
            <p class="lead"><xsl:value-of select="$sp/service"/></p>
          </header>
          <xsl:apply-templates select="$sp/survey"/>
          <p class="hint"><xsl:value-of select="pt:t('tickets.survey.page.link-note')"/></p>
          <xsl:if test="$sp/@ticket-href">
            <p><a href="{$sp/@ticket-href}"><xsl:value-of select="pt:t('tickets.survey.page.open-ticket')"/></a></p>
          </xsl:if>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
