<?xml version="1.0" encoding="UTF-8"?>
<!-- All organisations (view "orgs", permission admin.users): filters
     (kind, status, search), the table, the pager. Data: /page/orgs. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="f" select="orgs/filter"/>
    <div class="prov-head">
      <h1><xsl:value-of select="pt:t('orgs.title')"/></h1>
      <a class="btn btn-primary" href="/auth/admin/orgs/new"><xsl:value-of select="pt:t('orgs.new')"/></a>
    </div>

    <form class="prov-filter card" method="get" action="/auth/admin/orgs" role="search" aria-label="{pt:t('orgs.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('orgs.search')"/></label>
        <input id="q" name="q" type="search" value="{$f/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <xsl:call-template name="prov-select">
        <xsl:with-param name="name" select="'kind'"/>
        <xsl:with-param name="label-key" select="'org.kind'"/>
        <xsl:with-param name="values" select="'customer partner provider'"/>
        <xsl:with-param name="prefix" select="'org.kind.'"/>
        <xsl:with-param name="empty-key" select="'orgs.any'"/>
        <xsl:with-param name="current" select="string($f/@kind)"/>
      </xsl:call-template>
      <xsl:call-template name="prov-select">
        <xsl:with-param name="name" select="'status'"/>
        <xsl:with-param name="label-key" select="'org.status'"/>
        <xsl:with-param name="values" select="'active inactive'"/>
        <xsl:with-param name="prefix" select="'org.status.'"/>
        <xsl:with-param name="empty-key" select="'orgs.any'"/>
        <xsl:with-param name="current" select="string($f/@status)"/>
      </xsl:call-template>
      <div class="prov-filter-actions">
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orgs.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="orgs/org">
        <div class="table-scroll" role="region" aria-labelledby="orgs-caption" tabindex="0">
          <table class="data-table">
            <caption id="orgs-caption"><xsl:value-of select="pt:t('orgs.caption')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('org.name')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('org.kind')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('org.tier')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('org.currency')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('org.status')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('org.users')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="orgs/org">
                <tr>
                  <th scope="row"><a href="/auth/admin/orgs/{@id}"><xsl:value-of select="."/></a></th>
                  <td><xsl:value-of select="pt:t(concat('org.kind.', @kind))"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="string(@tier) != ''"><xsl:value-of select="pt:t(concat('org.tier.', @tier))"/></xsl:when>
                      <xsl:otherwise><span class="prov-muted"><xsl:value-of select="pt:t('org.tier.none')"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:value-of select="@currency"/></td>
                  <td><span class="prov-status prov-status-{@status}"><xsl:value-of select="pt:t(concat('org.status.', @status))"/></span></td>
                  <td class="num"><xsl:value-of select="@users"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="prov-empty"><xsl:value-of select="pt:t('orgs.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="prov-pager">
      <xsl:with-param name="pager" select="orgs/pager"/>
      <xsl:with-param name="filter" select="$f"/>
      <xsl:with-param name="action" select="'/auth/admin/orgs'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
