<?xml version="1.0" encoding="UTF-8"?>
<!--
  The organisation's delivery addresses (view "addresses",
  orders.addresses): those offered at checkout, then the retired ones.
  Data: /page/addresses.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('orders.addresses.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.addresses.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.addresses.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/orders/addresses/new"><xsl:value-of select="pt:t('orders.addresses.new')"/></a>
      </p>
    </div>
    <xsl:choose>
      <xsl:when test="/page/addresses/address">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="addresses-caption">
          <table class="data-table or-table">
            <caption id="addresses-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.addresses.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.addresses.label')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.addresses.address')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.addresses.state')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="/page/addresses/address">
                <tr>
                  <th scope="row"><a href="{@href}"><xsl:value-of select="label"/></a></th>
                  <td>
                    <xsl:call-template name="or-address">
                      <xsl:with-param name="a" select="."/>
                      <xsl:with-param name="label" select="false()"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <span class="status-badge or-address-{@active}">
                      <xsl:value-of select="pt:t(concat('orders.addresses.active.', @active))"/>
                    </span>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('orders.addresses.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
