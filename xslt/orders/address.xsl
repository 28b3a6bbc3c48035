<?xml version="1.0" encoding="UTF-8"?>
<!--
  A delivery address, new or edited (view "address", orders.addresses);
  an edited one may be retired.  Data: /page/delivery-address (@id and
  <label> when editing, <countries>), values in /page/form[@name='address'].
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="a" select="/page/delivery-address"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$a/@id"><xsl:value-of select="$a/label"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('orders.addresses.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/addresses'"/>
      <xsl:with-param name="key" select="'orders.addresses.back'"/>
    </xsl:call-template>
    <h1><xsl:value-of select="$title"/></h1>
    <form class="form card or-form" method="post" novalidate="novalidate">
      <xsl:attribute name="action">
        <xsl:choose>
          <xsl:when test="$a/@id">/orders/addresses/<xsl:value-of select="$a/@id"/></xsl:when>
          <xsl:otherwise>/orders/addresses/new</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'label'"/>
        <xsl:with-param name="label-key" select="'orders.addresses.label'"/>
        <xsl:with-param name="hint-key" select="'orders.addresses.label.hint'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'recipient'"/>
        <xsl:with-param name="label-key" select="'orders.addresses.recipient'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'street'"/>
        <xsl:with-param name="label-key" select="'orders.addresses.street'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'street2'"/>
        <xsl:with-param name="label-key" select="'orders.addresses.street2'"/>
      </xsl:call-template>
      <div class="or-pair">
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'postal_code'"/>
          <xsl:with-param name="label-key" select="'orders.addresses.postal-code'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'city'"/>
          <xsl:with-param name="label-key" select="'orders.addresses.city'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
      </div>
      <div>
        <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'country'"/></xsl:call-template>
        <xsl:call-template name="or-label">
          <xsl:with-param name="name" select="'country'"/>
          <xsl:with-param name="label-key" select="'orders.addresses.country'"/>
          <xsl:with-param name="hint-key" select="'orders.addresses.country.hint'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:variable name="current" select="string(/page/form[@name = 'address']/field[@name = 'country'])"/>
        <select id="country" name="country">
          <xsl:call-template name="or-aria">
            <xsl:with-param name="name" select="'country'"/>
            <xsl:with-param name="hint" select="true()"/>
          </xsl:call-template>
          <option value=""><xsl:value-of select="pt:t('orders.addresses.country.choose')"/></option>
          <xsl:for-each select="$a/countries/country">
            <option value="{.}">
              <xsl:if test=". = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:call-template name="or-country"><xsl:with-param name="code" select="string(.)"/></xsl:call-template>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="$a/@id">
        <xsl:call-template name="or-check">
          <xsl:with-param name="name" select="'active'"/>
          <xsl:with-param name="label-key" select="'orders.addresses.active'"/>
        </xsl:call-template>
      </xsl:if>
      <p><button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.addresses.save')"/></button></p>
    </form>
  </xsl:template>

</xsl:stylesheet>
