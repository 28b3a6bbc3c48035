<?xml version="1.0" encoding="UTF-8"?>
<!-- The catalogue (view "catalogue"): search and filters, the categories
     with their counts, the products that match with the price that applies
     to the reader's organisation, and the pager. Data: /page/catalogue. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:variable name="c" select="/page/catalogue"/>

  <!-- The query string of the catalogue with the current search and
       filters; $category replaces the current category. -->
  <xsl:template name="or-query">
    <xsl:param name="category" select="string($c/@category)"/>
    <xsl:text>?</xsl:text>
    <xsl:if test="string($c/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($c/@q), true())"/>&amp;</xsl:if>
    <xsl:if test="$category != ''">category=<xsl:value-of select="$category"/>&amp;</xsl:if>
    <xsl:if test="string($c/@kind) != ''">kind=<xsl:value-of select="$c/@kind"/>&amp;</xsl:if>
    <xsl:text>sort=</xsl:text><xsl:value-of select="$c/@sort"/>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('orders.catalogue.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.catalogue.title')"/></h1>
        <p class="lead">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.catalogue.lead'"/>
                <xsl:with-param name="name" select="'org'"/>
                <xsl:with-param name="value" select="string($pt-user/org)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'currency'"/>
            <xsl:with-param name="value" select="string($c/@currency)"/>
          </xsl:call-template>
        </p>
      </div>
      <xsl:if test="$pt-user/permission = 'catalogue.manage'">
        <p class="admin-actions">
          <a class="btn btn-secondary" href="/orders/admin/"><xsl:value-of select="pt:t('orders.catalogue.manage')"/></a>
        </p>
      </xsl:if>
    </div>

    <form class="filter-bar" method="get" action="/orders/" role="search" aria-label="{pt:t('orders.catalogue.filter')}">
      <div class="field or-q">
        <label for="q"><xsl:value-of select="pt:t('orders.catalogue.q')"/></label>
        <input type="search" id="q" name="q" value="{$c/@q}" aria-describedby="q-help">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
        <p class="hint" id="q-help"><xsl:value-of select="pt:t('orders.catalogue.q.help')"/></p>
      </div>
      <div class="field">
        <label for="category"><xsl:value-of select="pt:t('orders.catalogue.category')"/></label>
        <select id="category" name="category">
          <option value=""><xsl:value-of select="pt:t('orders.catalogue.category.any')"/></option>
          <xsl:for-each select="$c/categories/category">
            <option value="{@slug}">
              <xsl:if test="@current = '1'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="kind"><xsl:value-of select="pt:t('orders.catalogue.kind')"/></label>
        <select id="kind" name="kind">
          <option value=""><xsl:value-of select="pt:t('orders.catalogue.kind.any')"/></option>
          <xsl:for-each select="str:split('product service', ' ')">
            <option value="{.}">
              <xsl:if test=". = $c/@kind"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.kind.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="sort"><xsl:value-of select="pt:t('orders.catalogue.sort')"/></label>
        <select id="sort" name="sort">
          <xsl:for-each select="str:split('name price sku', ' ')">
            <option value="{.}">
              <xsl:if test=". = $c/@sort"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.catalogue.sort.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.catalogue.apply')"/></button>
      </div>
    </form>

    <xsl:if test="$c/categories/category">
      <nav class="or-categories pill-tabs" aria-label="{pt:t('orders.catalogue.categories')}">
        <ul>
          <li>
            <a>
              <xsl:attribute name="href">
                <xsl:text>/orders/</xsl:text>
                <xsl:call-template name="or-query"><xsl:with-param name="category" select="''"/></xsl:call-template>
              </xsl:attribute>
              <xsl:if test="string($c/@category) = ''"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t('orders.catalogue.category.all')"/>
              <span class="or-count"><xsl:value-of select="concat(' (', $c/categories/@all, ')')"/></span>
            </a>
          </li>
          <xsl:for-each select="$c/categories/category">
            <li>
              <a>
                <xsl:attribute name="href">
                  <xsl:text>/orders/</xsl:text>
                  <xsl:call-template name="or-query"><xsl:with-param name="category" select="string(@slug)"/></xsl:call-template>
                </xsl:attribute>
                <xsl:if test="@current = '1'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
                <span class="or-count"><xsl:value-of select="concat(' (', @count, ')')"/></span>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>

    <xsl:choose>
      <xsl:when test="$c/product">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="products-caption">
          <table class="data-table or-table">
            <caption id="products-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.catalogue.products')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.sku')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.category')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.col.lead')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.col.price')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$c/product">
                <tr>
                  <th scope="row" class="or-product-cell">
                    <a href="{@href}"><xsl:value-of select="name"/></a>
                    <xsl:if test="string(summary) != ''">
                      <span class="or-summary">
                        <xsl:value-of select="summary"/>
                        <xsl:if test="summary/@more = '1'">&#8230;</xsl:if>
                      </span>
                    </xsl:if>
                  </th>
                  <td class="nowrap or-sku"><xsl:value-of select="@sku"/></td>
                  <td><xsl:value-of select="category-name"/></td>
                  <td class="nowrap">
                    <xsl:call-template name="or-lead"><xsl:with-param name="days" select="number(@lead-days)"/></xsl:call-template>
                  </td>
                  <td class="num">
                    <xsl:call-template name="or-price">
                      <xsl:with-param name="price" select="price"/>
                      <xsl:with-param name="unit" select="string(@unit)"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('orders.catalogue.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$c/pager"/>
  </xsl:template>

  <xsl:template match="pager">
    <xsl:variable name="query"><xsl:call-template name="or-query"/>&amp;page=</xsl:variable>
    <nav class="pager" aria-label="{pt:t('orders.pager.label')}">
      <p class="pager-status">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.pager.status'"/>
                  <xsl:with-param name="name" select="'page'"/>
                  <xsl:with-param name="value" select="string(@page)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'pages'"/>
              <xsl:with-param name="value" select="string(@pages)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'total'"/>
          <xsl:with-param name="value" select="string(@total)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="@pages &gt; 1">
        <ul class="pager-links">
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" href="/orders/{$query}{@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages">
            <li><a rel="next" href="/orders/{$query}{@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
