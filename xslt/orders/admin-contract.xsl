<?xml version="1.0" encoding="UTF-8"?>
<!-- Contract prices (view "admin-contract", catalogue.manage): choose an
     organisation, see its contract prices beside the list prices, set or
     remove one. Data: /page/or-contract (@org, @currency when chosen). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:variable name="k" select="/page/or-contract"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.admin.contract')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.admin.contract')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.admin.contract.lead')"/></p>
      </div>
    </div>
    <xsl:call-template name="or-tabs"><xsl:with-param name="current" select="'contract-prices'"/></xsl:call-template>
    <form class="filter-bar" method="get" action="/orders/admin/contract-prices">
      <div class="field">
        <label for="org"><xsl:value-of select="pt:t('orders.admin.contract.org')"/></label>
        <select id="org" name="org">
          <option value=""><xsl:value-of select="pt:t('orders.admin.choose')"/></option>
          <xsl:for-each select="$k/org">
            <option value="{@id}">
              <xsl:if test="@id = $k/@org"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="concat(., ' (', @currency, ')')"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.catalogue.apply')"/></button>
      </div>
    </form>

    <xsl:if test="$k/@org">
      <h2>
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.admin.contract.of'"/>
          <xsl:with-param name="name" select="'org'"/>
          <xsl:with-param name="value" select="string($k/org-name)"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$k/price">
          <div class="table-scroll" role="region" tabindex="0" aria-labelledby="contract-caption">
            <table class="data-table">
              <caption id="contract-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.admin.contract')"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="pt:t('orders.col.sku')"/></th>
                  <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="pt:t('orders.price.list')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="pt:t('orders.admin.contract.price')"/></th>
                  <th scope="col"><xsl:value-of select="pt:t('orders.admin.contract.changed')"/></th>
                  <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('orders.admin.contract.remove')"/></span></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$k/price">
                  <tr>
                    <th scope="row" class="nowrap or-sku"><xsl:value-of select="@sku"/></th>
                    <td><xsl:value-of select="name"/></td>
                    <td class="num">
                      <xsl:if test="@list-minor">
                        <xsl:call-template name="or-money">
                          <xsl:with-param name="minor" select="@list-minor"/>
                          <xsl:with-param name="currency" select="@currency"/>
                        </xsl:call-template>
                      </xsl:if>
                    </td>
                    <td class="num">
                      <xsl:call-template name="or-money">
                        <xsl:with-param name="minor" select="@minor"/>
                        <xsl:with-param name="currency" select="@currency"/>
                      </xsl:call-template>
                      <xsl:if test="@applies != '1'">
                        <span class="status-badge status-inactive"><xsl:value-of select="pt:t('orders.admin.contract.not-applying')"/></span>
                      </xsl:if>
                    </td>
                    <td>
                      <xsl:call-template name="pt-datetime">
                        <xsl:with-param name="iso" select="string(@updated)"/>
                        <xsl:with-param name="style" select="'date'"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <form method="post" action="/orders/admin/contract-prices/delete">
                        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                        <input type="hidden" name="org" value="{$k/@org}"/>
                        <input type="hidden" name="sku" value="{@sku}"/>
                        <button type="submit" class="btn btn-danger btn-small">
                          <xsl:value-of select="pt:t('orders.admin.contract.remove')"/>
                          <span class="visually-hidden"><xsl:value-of select="concat(' ', @sku)"/></span>
                        </button>
                      </form>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.admin.contract.none')"/></p></xsl:otherwise>
      </xsl:choose>

      <section class="card form-card" aria-labelledby="set-title">
        <h2 id="set-title">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.admin.contract.set'"/>
            <xsl:with-param name="name" select="'currency'"/>
            <xsl:with-param name="value" select="string($k/@currency)"/>
          </xsl:call-template>
        </h2>
        <form class="form" method="post" action="/orders/admin/contract-prices" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <input type="hidden" name="org" value="{$k/@org}"/>
          <div class="or-pair">
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'sku'"/>
              <xsl:with-param name="label-key" select="'orders.col.sku'"/>
              <xsl:with-param name="required" select="true()"/>
            </xsl:call-template>
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'price'"/>
              <xsl:with-param name="label-key" select="'orders.admin.contract.price'"/>
              <xsl:with-param name="hint-key" select="'orders.admin.contract.price.hint'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="inputmode" select="'decimal'"/>
            </xsl:call-template>
          </div>
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.admin.contract.save')"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
