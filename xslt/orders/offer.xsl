<?xml version="1.0" encoding="UTF-8"?>
<!-- An offer to the organisation (view "offer", orders.approve): what it
     holds, and while it is open the decision: accept (with a delivery
     address when it has one-off lines, and the hash of the text shown) or
     decline with a reason.  Data: /page/offer (decide when open). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:variable name="f" select="/page/offer"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.offer.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($f/@number)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/offers'"/>
      <xsl:with-param name="key" select="'orders.offers.back'"/>
    </xsl:call-template>
    <header class="or-order-head">
      <p class="eyebrow"><xsl:value-of select="$f/@number"/></p>
      <h1><xsl:value-of select="$f/title"/></h1>
      <p><xsl:call-template name="of-state"><xsl:with-param name="state" select="string($f/@state)"/></xsl:call-template></p>
    </header>
    <xsl:if test="$f/contract or $f/order">
      <p class="of-results">
        <xsl:if test="$f/contract">
          <a href="{$f/contract/@href}">
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.offer.to-contract'"/>
              <xsl:with-param name="name" select="'number'"/>
              <xsl:with-param name="value" select="string($f/contract/@number)"/>
            </xsl:call-template>
          </a>
        </xsl:if>
        <xsl:if test="$f/order">
          <xsl:text> </xsl:text>
          <a href="{$f/order/@href}">
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.offer.to-order'"/>
              <xsl:with-param name="name" select="'number'"/>
              <xsl:with-param name="value" select="string($f/order/@number)"/>
            </xsl:call-template>
          </a>
        </xsl:if>
      </p>
    </xsl:if>
    <xsl:call-template name="of-offer"><xsl:with-param name="f" select="$f"/></xsl:call-template>
    <xsl:if test="$f/decide">
      <div class="or-pair of-decide">
        <section class="card form-card" aria-labelledby="accept-title">
          <h2 id="accept-title"><xsl:value-of select="pt:t('orders.offer.accept')"/></h2>
          <form class="form" method="post" action="{$f/@href}/accept" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="sha256" value="{/page/form[@name = 'accept']/field[@name = 'sha256']}"/>
            <xsl:if test="$f/lines/line[@kind = 'once']">
              <xsl:call-template name="or-select">
                <xsl:with-param name="name" select="'address'"/>
                <xsl:with-param name="label-key" select="'orders.offer.address'"/>
                <xsl:with-param name="options" select="$f/decide/address"/>
                <xsl:with-param name="empty-key" select="'orders.admin.choose'"/>
              </xsl:call-template>
            </xsl:if>
            <div>
              <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'confirm'"/></xsl:call-template>
              <xsl:call-template name="or-errors"><xsl:with-param name="name" select="'confirm'"/></xsl:call-template>
              <xsl:call-template name="or-check">
                <xsl:with-param name="name" select="'confirm'"/>
                <xsl:with-param name="label-key" select="'orders.offer.confirm.label'"/>
              </xsl:call-template>
            </div>
            <p class="hint"><xsl:value-of select="pt:t('orders.offer.accept.hint')"/></p>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.offer.accept')"/></button>
          </form>
        </section>
        <section class="card form-card" aria-labelledby="decline-title">
          <h2 id="decline-title"><xsl:value-of select="pt:t('orders.offer.decline')"/></h2>
          <form class="form" method="post" action="{$f/@href}/decline" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'reason'"/>
              <xsl:with-param name="label-key" select="'orders.offer.reason'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="rows" select="4"/>
            </xsl:call-template>
            <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('orders.offer.decline')"/></button>
          </form>
        </section>
      </div>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
