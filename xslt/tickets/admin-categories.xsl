<?xml version="1.0" encoding="UTF-8"?>
<!-- The categories of the catalogue in their order, with buttons to move
     one up or down (view "admin-categories", permission tickets.admin).
     Data: tka-categories/category. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.admin.categories.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.admin.categories.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/tickets/admin/categories/new"><xsl:value-of select="pt:t('tickets.admin.category.new')"/></a>
      </p>
    </div>
    <xsl:call-template name="tka-tabs"><xsl:with-param name="current" select="'categories'"/></xsl:call-template>

    <xsl:choose>
      <xsl:when test="tka-categories/category">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="categories-caption">
          <table class="data-table">
            <caption id="categories-caption" class="visually-hidden"><xsl:value-of select="pt:t('tickets.admin.categories.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.name-en')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.name-de')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.slug')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.position')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.tab.services')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.order')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="tka-categories/category">
                <xsl:variable name="name">
                  <xsl:call-template name="tka-name">
                    <xsl:with-param name="names" select="name"/>
                    <xsl:with-param name="fallback" select="string(@slug)"/>
                  </xsl:call-template>
                </xsl:variable>
                <tr id="category-{@id}">
                  <th scope="row"><a href="/tickets/admin/categories/{@id}"><xsl:value-of select="name[@lang = 'en']"/></a></th>
                  <td><xsl:value-of select="name[@lang = 'de']"/></td>
                  <td><span class="tka-code"><xsl:value-of select="@slug"/></span></td>
                  <td class="num"><xsl:value-of select="@position"/></td>
                  <td class="num"><xsl:value-of select="@services"/></td>
                  <td>
                    <xsl:call-template name="tka-move">
                      <xsl:with-param name="action" select="concat('/tickets/admin/categories/', @id, '/move')"/>
                      <xsl:with-param name="what" select="string($name)"/>
                      <xsl:with-param name="first" select="position() = 1"/>
                      <xsl:with-param name="last" select="position() = last()"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.admin.categories.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
