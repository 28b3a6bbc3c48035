<?xml version="1.0" encoding="UTF-8"?>
<!-- The service level of a ticket, included by the ticket page: the <sla>
     element cgi-bin-src/tickets/sla.c (tk_sla_node) adds.  Agents get every
     clock (<clock kind state target-minutes due left-minutes at-risk
     breached stopped breaches>) with its deadline and marks; a customer
     gets "we will answer by ..." (<answer-by>) or, while the ticket waits
     for them, that it does (@waiting).  Every time is shown by pt-datetime,
     so in the reader's time zone and language.  Apply templates to the sla
     element where the section belongs. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <!-- Agents: one line per clock. -->
  <xsl:template match="sla[clock]">
    <section class="sla card" aria-labelledby="sla-title">
      <h2 id="sla-title"><xsl:value-of select="pt:t('sla.title')"/></h2>
      <p class="sla-policy">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('sla.policy')"/>
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="value" select="string(@policy)"/>
        </xsl:call-template>
      </p>
      <ul class="sla-clocks">
        <xsl:apply-templates select="clock"/>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="sla/clock">
    <xsl:variable name="name" select="pt:t(concat('sla.clock.', @kind))"/>
    <li class="sla-clock sla-{@state}" data-kind="{@kind}">
      <xsl:choose>
        <xsl:when test="@state = 'running' and string(@due) != ''">
          <xsl:call-template name="sla-with-time">
            <xsl:with-param name="text" select="pt:t(concat('sla.clock.', @kind, '.due'))"/>
            <xsl:with-param name="iso" select="@due"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="@state = 'running'">
          <xsl:value-of select="concat($name, ': ', pt:t('sla.state.no-due'))"/>
        </xsl:when>
        <xsl:when test="@state = 'paused'">
          <xsl:value-of select="concat($name, ': ')"/>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('sla.state.paused')"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string(@left-minutes)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($name, ': ')"/>
          <xsl:call-template name="sla-with-time">
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="@breached"><xsl:value-of select="pt:t('sla.state.late')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t('sla.state.met')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="iso" select="@stopped"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@breached">
        <xsl:text> </xsl:text>
        <span class="status-badge sla-breached"><xsl:value-of select="pt:t('sla.mark.breached')"/></span>
        <xsl:if test="@state != 'stopped'">
          <xsl:text> </xsl:text>
          <span class="sla-note">
            <xsl:call-template name="sla-with-time">
              <xsl:with-param name="text" select="pt:t('sla.mark.breached.at')"/>
              <xsl:with-param name="iso" select="@breached"/>
            </xsl:call-template>
          </span>
        </xsl:if>
      </xsl:if>
      <xsl:if test="@at-risk and not(@breached)">
        <xsl:text> </xsl:text>
        <span class="status-badge sla-at-risk"><xsl:value-of select="pt:t('sla.mark.at-risk')"/></span>
      </xsl:if>
      <span class="sla-note">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('sla.target')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string(@target-minutes)"/>
        </xsl:call-template>
        <xsl:if test="@breaches">
          <xsl:text>; </xsl:text>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('sla.breaches')"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string(@breaches)"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:text>)</xsl:text>
      </span>
    </li>
  </xsl:template>

  <!-- Customers: the promise of the next answer, or that we wait for theirs. -->
  <xsl:template match="sla[not(clock)]">
    <xsl:choose>
      <xsl:when test="@waiting">
        <p class="sla-promise"><xsl:value-of select="pt:t('sla.waiting')"/></p>
      </xsl:when>
      <xsl:when test="answer-by">
        <p class="sla-promise">
          <xsl:call-template name="sla-with-time">
            <xsl:with-param name="text" select="pt:t('sla.answer-by')"/>
            <xsl:with-param name="iso" select="answer-by"/>
          </xsl:call-template>
        </p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- text with {time} as a <time> in the reader's zone. -->
  <xsl:template name="sla-with-time">
    <xsl:param name="text"/>
    <xsl:param name="iso"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="string($text)"/>
      <xsl:with-param name="name" select="'time'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="pt-datetime">
          <xsl:with-param name="iso" select="string($iso)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
