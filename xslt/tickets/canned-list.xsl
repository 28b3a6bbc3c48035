<?xml version="1.0" encoding="UTF-8"?>
<!-- The canned responses (view "canned-list"): a filter by name and
     language, the table of responses (a row per language variant) with
     the start of each text, and the pager. Data: canned-list. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="desk-common.xsl"/>

  <xsl:variable name="l" select="/page/canned-list"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('tickets.canned.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/desk"><xsl:value-of select="pt:t('tickets.desk.back')"/></a></p>
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.canned.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.canned.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/tickets/canned/new"><xsl:value-of select="pt:t('tickets.canned.new')"/></a>
      </p>
    </div>

    <form class="filter-bar" method="get" action="/tickets/canned" role="search" aria-label="{pt:t('tickets.canned.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('tickets.canned.q')"/></label>
        <input type="search" id="q" name="q" value="{$l/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <div class="field">
        <label for="lang"><xsl:value-of select="pt:t('tickets.canned.lang')"/></label>
        <select id="lang" name="lang">
          <option value=""><xsl:value-of select="pt:t('tickets.canned.lang.any')"/></option>
          <xsl:for-each select="/page/languages/language">
            <option value="{@code}">
              <xsl:if test="@code = $l/@lang"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('lang.', @code))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.list.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/response">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="canned-caption">
          <table class="data-table tk-canned-table">
            <caption id="canned-caption" class="visually-hidden"><xsl:value-of select="pt:t('tickets.canned.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.canned.col.name')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.canned.col.lang')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.canned.col.text')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.canned.col.updated')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/response">
                <tr>
                  <th scope="row"><a href="{@href}"><xsl:value-of select="name"/></a></th>
                  <td class="nowrap"><xsl:value-of select="pt:t(concat('lang.', @lang))"/></td>
                  <td class="tk-canned-start"><xsl:value-of select="start"/></td>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@updated)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                    <xsl:if test="by">
                      <span class="tk-reason"><xsl:value-of select="by"/></span>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.canned.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$l/pager">
      <xsl:call-template name="tk-desk-pager">
        <xsl:with-param name="href">
          <xsl:text>/tickets/canned?</xsl:text>
          <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
          <xsl:if test="string($l/@lang) != ''">lang=<xsl:value-of select="$l/@lang"/>&amp;</xsl:if>
          <xsl:text>page=</xsl:text>
        </xsl:with-param>
        <xsl:with-param name="items" select="'canned'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
