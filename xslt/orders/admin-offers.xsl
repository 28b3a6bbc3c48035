<?xml version="1.0" encoding="UTF-8"?>
<!-- Offers (view "admin-offers", contracts.manage): every organisation's
     offers, newest first, narrowed to one state; a link to write a new one.
     Data: /page/offers (@state). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:variable name="l" select="/page/offers"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.offers.admin')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('orders.offers.admin')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('orders.offers.admin.lead')"/></p>
      </div>
      <p>
        <a class="btn btn-primary" href="/orders/admin/offers/new"><xsl:value-of select="pt:t('orders.offers.new')"/></a>
        <xsl:text> </xsl:text>
        <a class="btn btn-secondary" href="/orders/admin/contracts"><xsl:value-of select="pt:t('orders.contracts.running-out')"/></a>
      </p>
    </div>
    <form class="filter-bar" method="get" action="/orders/admin/offers">
      <div class="field">
        <label for="state"><xsl:value-of select="pt:t('orders.offers.state')"/></label>
        <select id="state" name="state">
          <option value=""><xsl:value-of select="pt:t('orders.offers.state.all')"/></option>
          <xsl:for-each select="str:split('draft sent expired accepted declined', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@state"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.offer.state.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.catalogue.apply')"/></button>
      </div>
    </form>
    <xsl:call-template name="of-list"><xsl:with-param name="staff" select="true()"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
