<?xml version="1.0" encoding="UTF-8"?>
<!-- The catalogue's products for its staff (view "admin-products",
     catalogue.manage): search, the table of every product, active or not,
     and the pager. Data: /page/or-products. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:variable name="l" select="/page/or-products"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.admin.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.admin.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.admin.products.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/orders/admin/products/new"><xsl:value-of select="pt:t('orders.admin.product.new')"/></a>
      </p>
    </div>
    <xsl:call-template name="or-tabs"><xsl:with-param name="current" select="'products'"/></xsl:call-template>

    <form class="filter-bar" method="get" action="/orders/admin/" role="search" aria-label="{pt:t('orders.admin.products.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('orders.admin.products.q')"/></label>
        <input type="search" id="q" name="q" value="{$l/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <div class="field">
        <label for="category"><xsl:value-of select="pt:t('orders.catalogue.category')"/></label>
        <select id="category" name="category">
          <option value=""><xsl:value-of select="pt:t('orders.catalogue.category.any')"/></option>
          <xsl:for-each select="$l/category">
            <option value="{@id}">
              <xsl:if test="@id = $l/@category"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.catalogue.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/product">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="admin-products-caption">
          <table class="data-table or-table">
            <caption id="admin-products-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.admin.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.sku')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.category')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.status')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.admin.col.eur')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/product">
                <tr>
                  <th scope="row" class="nowrap or-sku"><a href="/orders/admin/products/{@id}"><xsl:value-of select="@sku"/></a></th>
                  <td><xsl:value-of select="name"/></td>
                  <td><xsl:value-of select="category-name"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@active = '1'"><span class="status-badge status-active"><xsl:value-of select="pt:t('orders.admin.active')"/></span></xsl:when>
                      <xsl:otherwise><span class="status-badge status-inactive"><xsl:value-of select="pt:t('orders.admin.inactive')"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="num">
                    <xsl:if test="@eur-minor">
                      <xsl:call-template name="or-money">
                        <xsl:with-param name="minor" select="@eur-minor"/>
                        <xsl:with-param name="currency" select="'EUR'"/>
                      </xsl:call-template>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.catalogue.none')"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$l/pager[@pages &gt; 1]">
      <xsl:variable name="query">
        <xsl:text>?</xsl:text>
        <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
        <xsl:if test="$l/@category != '0'">category=<xsl:value-of select="$l/@category"/>&amp;</xsl:if>
        <xsl:text>page=</xsl:text>
      </xsl:variable>
      <nav class="pager" aria-label="{pt:t('orders.pager.label')}">
        <p class="pager-status">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.admin.pager'"/>
            <xsl:with-param name="name" select="'page'"/>
            <xsl:with-param name="value" select="concat(@page, ' / ', @pages)"/>
          </xsl:call-template>
        </p>
        <ul class="pager-links">
          <xsl:if test="@page &gt; 1"><li><a rel="prev" href="/orders/admin/{$query}{@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li></xsl:if>
          <xsl:if test="@page &lt; @pages"><li><a rel="next" href="/orders/admin/{$query}{@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li></xsl:if>
        </ul>
      </nav>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
