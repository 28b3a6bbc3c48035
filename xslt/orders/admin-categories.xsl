<?xml version="1.0" encoding="UTF-8"?>
<!-- The catalogue's categories (view "admin-categories", catalogue.manage):
     in their order, with names and product counts. Data: /page/or-categories. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.admin.categories')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.admin.categories')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.admin.categories.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/orders/admin/categories/new"><xsl:value-of select="pt:t('orders.admin.category.new')"/></a>
      </p>
    </div>
    <xsl:call-template name="or-tabs"><xsl:with-param name="current" select="'categories'"/></xsl:call-template>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="categories-caption">
      <table class="data-table">
        <caption id="categories-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.admin.categories')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.admin.name-en')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.admin.name-de')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.admin.slug')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.admin.position')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.admin.products')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/page/or-categories/category">
            <tr>
              <th scope="row"><a href="/orders/admin/categories/{@id}"><xsl:value-of select="name[@lang = 'en']"/></a></th>
              <td><xsl:value-of select="name[@lang = 'de']"/></td>
              <td class="nowrap"><xsl:value-of select="@slug"/></td>
              <td class="num"><xsl:value-of select="@position"/></td>
              <td class="num"><xsl:value-of select="@products"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
