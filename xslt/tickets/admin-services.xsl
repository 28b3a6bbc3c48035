<?xml version="1.0" encoding="UTF-8"?>
<!-- The services of the catalogue by category, active and inactive (view
     "admin-services", permission tickets.admin). Data: tka-services/category/service. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.admin.services.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.admin.services.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/tickets/admin/services/new"><xsl:value-of select="pt:t('tickets.admin.service.new')"/></a>
      </p>
    </div>
    <xsl:call-template name="tka-tabs"><xsl:with-param name="current" select="'services'"/></xsl:call-template>

    <xsl:choose>
      <xsl:when test="tka-services/category">
        <xsl:for-each select="tka-services/category">
          <xsl:variable name="cat">
            <xsl:call-template name="tka-name">
              <xsl:with-param name="names" select="name"/>
              <xsl:with-param name="fallback" select="string(@slug)"/>
            </xsl:call-template>
          </xsl:variable>
          <section class="tka-section" aria-labelledby="cat-{@id}">
            <div class="tka-section-head">
              <h2 id="cat-{@id}"><xsl:value-of select="$cat"/></h2>
              <a class="tka-small-link" href="/tickets/admin/services/new?category={@id}">
                <xsl:call-template name="tka-fill">
                  <xsl:with-param name="key" select="'tickets.admin.service.new-in'"/>
                  <xsl:with-param name="name" select="'category'"/>
                  <xsl:with-param name="value" select="string($cat)"/>
                </xsl:call-template>
              </a>
            </div>
            <xsl:choose>
              <xsl:when test="service">
                <div class="table-scroll" role="region" tabindex="0" aria-labelledby="cat-{@id}-caption">
                  <table class="data-table">
                    <caption id="cat-{@id}-caption" class="visually-hidden">
                      <xsl:call-template name="tka-fill">
                        <xsl:with-param name="key" select="'tickets.admin.services.caption'"/>
                        <xsl:with-param name="name" select="'category'"/>
                        <xsl:with-param name="value" select="string($cat)"/>
                      </xsl:call-template>
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col"><xsl:value-of select="pt:t('tickets.admin.service')"/></th>
                        <th scope="col"><xsl:value-of select="pt:t('tickets.admin.service.type')"/></th>
                        <th scope="col"><xsl:value-of select="pt:t('tickets.admin.service.group')"/></th>
                        <th scope="col"><xsl:value-of select="pt:t('tickets.admin.service.audience')"/></th>
                        <th scope="col"><xsl:value-of select="pt:t('tickets.admin.service.form')"/></th>
                        <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.tickets')"/></th>
                        <th scope="col"><xsl:value-of select="pt:t('tickets.admin.status')"/></th>
                      </tr>
                    </thead>
                    <tbody>
                      <xsl:for-each select="service">
                        <tr>
                          <xsl:if test="@active = '0'"><xsl:attribute name="class">tka-inactive-row</xsl:attribute></xsl:if>
                          <th scope="row">
                            <a href="/tickets/admin/services/{@id}">
                              <xsl:call-template name="tka-name">
                                <xsl:with-param name="names" select="name"/>
                                <xsl:with-param name="fallback" select="string(@slug)"/>
                              </xsl:call-template>
                            </a>
                            <span class="tka-slug"><xsl:value-of select="@slug"/></span>
                          </th>
                          <td><xsl:value-of select="pt:t(concat('tickets.type.', @type))"/></td>
                          <td><xsl:value-of select="group"/></td>
                          <td>
                            <xsl:call-template name="tka-audience">
                              <xsl:with-param name="audience" select="string(@audience)"/>
                              <xsl:with-param name="tiers" select="string(@tiers)"/>
                            </xsl:call-template>
                          </td>
                          <td class="nowrap">
                            <a href="/tickets/admin/services/{@id}/form">
                              <xsl:call-template name="tka-fill">
                                <xsl:with-param name="key" select="concat('tickets.admin.service.fields', substring('.one', 1, 4 * number(@fields = 1)))"/>
                                <xsl:with-param name="name" select="'n'"/>
                                <xsl:with-param name="value" select="string(@fields)"/>
                              </xsl:call-template>
                            </a>
                          </td>
                          <td class="num"><xsl:value-of select="@tickets"/></td>
                          <td><xsl:call-template name="tka-active"><xsl:with-param name="active" select="string(@active)"/></xsl:call-template></td>
                        </tr>
                      </xsl:for-each>
                    </tbody>
                  </table>
                </div>
              </xsl:when>
              <xsl:otherwise>
                <p class="empty-state"><xsl:value-of select="pt:t('tickets.admin.services.none-in')"/></p>
              </xsl:otherwise>
            </xsl:choose>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state">
          <xsl:value-of select="pt:t('tickets.admin.services.no-categories')"/>
          <xsl:text> </xsl:text>
          <a href="/tickets/admin/categories/new"><xsl:value-of select="pt:t('tickets.admin.category.new')"/></a>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Customers, partners; gold, premier only" -->
  <xsl:template name="tka-audience">
    <xsl:param name="audience"/>
    <xsl:param name="tiers"/>
    <xsl:if test="contains($audience, 'customer')"><xsl:value-of select="pt:t('tickets.admin.audience.customer')"/></xsl:if>
    <xsl:if test="contains($audience, 'customer') and contains($audience, 'partner')"><xsl:text>, </xsl:text></xsl:if>
    <xsl:if test="contains($audience, 'partner')"><xsl:value-of select="pt:t('tickets.admin.audience.partner')"/></xsl:if>
    <xsl:if test="$tiers != ''">
      <span class="tka-tiers">
        <xsl:call-template name="tka-fill">
          <xsl:with-param name="key" select="'tickets.admin.service.tiers-only'"/>
          <xsl:with-param name="name" select="'tiers'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="tka-tier-names"><xsl:with-param name="tiers" select="$tiers"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tka-tier-names">
    <xsl:param name="tiers"/>
    <xsl:variable name="t">
      <xsl:choose>
        <xsl:when test="contains($tiers, ',')"><xsl:value-of select="substring-before($tiers, ',')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$tiers"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="pt:t(concat('org.tier.', $t))"/>
    <xsl:if test="contains($tiers, ',')">
      <xsl:text>, </xsl:text>
      <xsl:call-template name="tka-tier-names"><xsl:with-param name="tiers" select="substring-after($tiers, ',')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
