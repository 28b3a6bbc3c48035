<?xml version="1.0" encoding="UTF-8"?>
<!-- An offer as staff see it (view "admin-offer", contracts.manage): the
     form of a new offer (/page/offer-new with its organisations), or an
     offer (/page/offer): while a draft, its header, lines and attachments
     are changed here and it is sent; afterwards it is only read, and a
     revision starts a new draft from it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="offer-common.xsl"/>

  <xsl:variable name="f" select="/page/offer"/>
  <xsl:variable name="draft" select="$f/@state = 'draft'"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$f">
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.offer.title'"/>
          <xsl:with-param name="name" select="'number'"/>
          <xsl:with-param name="value" select="string($f/@number)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('orders.offers.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="'/orders/admin/offers'"/>
      <xsl:with-param name="key" select="'orders.offers.back'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$f"><xsl:call-template name="offer"/></xsl:when>
      <xsl:otherwise>
        <h1><xsl:value-of select="pt:t('orders.offers.new')"/></h1>
        <section class="card form-card">
          <form class="form" method="post" action="/orders/admin/offers" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <xsl:call-template name="or-select">
              <xsl:with-param name="name" select="'org'"/>
              <xsl:with-param name="label-key" select="'orders.offer.org'"/>
              <xsl:with-param name="options" select="/page/offer-new/org"/>
              <xsl:with-param name="empty-key" select="'orders.admin.choose'"/>
            </xsl:call-template>
            <xsl:call-template name="head-fields"/>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.offers.create')"/></button>
          </form>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="head-fields">
    <xsl:call-template name="or-input">
      <xsl:with-param name="name" select="'title'"/>
      <xsl:with-param name="label-key" select="'orders.offers.col.title'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <xsl:call-template name="or-input">
      <xsl:with-param name="name" select="'valid_until'"/>
      <xsl:with-param name="label-key" select="'orders.offer.valid-until'"/>
      <xsl:with-param name="hint-key" select="'orders.offer.date.hint'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <div class="or-pair">
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'term_months'"/>
        <xsl:with-param name="label-key" select="'orders.offer.term-months'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'renewal_months'"/>
        <xsl:with-param name="label-key" select="'orders.offer.renewal-months'"/>
        <xsl:with-param name="hint-key" select="'orders.offer.renewal-months.hint'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'notice_days'"/>
        <xsl:with-param name="label-key" select="'orders.offer.notice-days'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
    </div>
    <xsl:call-template name="or-input">
      <xsl:with-param name="name" select="'terms'"/>
      <xsl:with-param name="label-key" select="'orders.offer.terms'"/>
      <xsl:with-param name="hint-key" select="'orders.offer.terms.hint'"/>
      <xsl:with-param name="rows" select="8"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="offer">
    <header class="or-order-head">
      <p class="eyebrow"><xsl:value-of select="$f/@number"/></p>
      <h1><xsl:value-of select="$f/title"/></h1>
      <p><xsl:call-template name="of-state"><xsl:with-param name="state" select="string($f/@state)"/></xsl:call-template></p>
    </header>
    <xsl:call-template name="of-offer">
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="delete" select="$draft"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$draft">
        <section class="card form-card" aria-labelledby="send-title">
          <h2 id="send-title"><xsl:value-of select="pt:t('orders.offer.send')"/></h2>
          <p><xsl:value-of select="pt:t('orders.offer.send.hint')"/></p>
          <form method="post" action="{$f/@href}/send">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.offer.send')"/></button>
          </form>
        </section>
        <section class="card form-card" aria-labelledby="line-title">
          <h2 id="line-title"><xsl:value-of select="pt:t('orders.offer.line.add')"/></h2>
          <form class="form" method="post" action="{$f/@href}/lines" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <div class="or-pair">
              <xsl:call-template name="or-select">
                <xsl:with-param name="name" select="'kind'"/>
                <xsl:with-param name="label-key" select="'orders.offer.col.kind'"/>
                <xsl:with-param name="values" select="'once recurring'"/>
                <xsl:with-param name="prefix" select="'orders.offer.kind.'"/>
              </xsl:call-template>
              <xsl:call-template name="or-select">
                <xsl:with-param name="name" select="'billing'"/>
                <xsl:with-param name="label-key" select="'orders.offer.billing'"/>
                <xsl:with-param name="values" select="'month year'"/>
                <xsl:with-param name="prefix" select="'orders.offer.billing.'"/>
                <xsl:with-param name="empty-key" select="'orders.offer.billing.none'"/>
              </xsl:call-template>
            </div>
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'sku'"/>
              <xsl:with-param name="label-key" select="'orders.col.sku'"/>
              <xsl:with-param name="hint-key" select="'orders.offer.sku.hint'"/>
            </xsl:call-template>
            <xsl:call-template name="or-input">
              <xsl:with-param name="name" select="'name'"/>
              <xsl:with-param name="label-key" select="'orders.offer.line.name'"/>
            </xsl:call-template>
            <div class="or-pair">
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'quantity'"/>
                <xsl:with-param name="label-key" select="'orders.offer.col.quantity'"/>
                <xsl:with-param name="required" select="true()"/>
                <xsl:with-param name="inputmode" select="'numeric'"/>
              </xsl:call-template>
              <xsl:call-template name="or-select">
                <xsl:with-param name="name" select="'unit'"/>
                <xsl:with-param name="label-key" select="'orders.offer.unit'"/>
                <xsl:with-param name="values" select="'piece pack box set metre kg litre hour day month year licence'"/>
                <xsl:with-param name="prefix" select="'orders.unit.'"/>
              </xsl:call-template>
              <xsl:call-template name="or-input">
                <xsl:with-param name="name" select="'price'"/>
                <xsl:with-param name="label-key" select="'orders.offer.col.price'"/>
                <xsl:with-param name="hint-key" select="'orders.offer.price.hint'"/>
                <xsl:with-param name="inputmode" select="'decimal'"/>
              </xsl:call-template>
              <xsl:call-template name="or-select">
                <xsl:with-param name="name" select="'tax_class'"/>
                <xsl:with-param name="label-key" select="'orders.offer.tax-class'"/>
                <xsl:with-param name="values" select="'standard reduced zero'"/>
                <xsl:with-param name="prefix" select="'orders.offer.tax-class.'"/>
                <xsl:with-param name="empty-key" select="'orders.offer.tax-class.product'"/>
              </xsl:call-template>
            </div>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.offer.line.add')"/></button>
          </form>
        </section>
        <section class="card form-card" aria-labelledby="file-title">
          <h2 id="file-title"><xsl:value-of select="pt:t('orders.offer.file.add')"/></h2>
          <form class="form" method="post" action="{$f/@href}/files" enctype="multipart/form-data" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <div>
              <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'file'"/></xsl:call-template>
              <xsl:call-template name="or-label">
                <xsl:with-param name="name" select="'file'"/>
                <xsl:with-param name="label-key" select="'orders.offer.file'"/>
                <xsl:with-param name="hint-key" select="'orders.offer.file.hint'"/>
                <xsl:with-param name="required" select="true()"/>
              </xsl:call-template>
              <input type="file" id="file" name="file">
                <xsl:call-template name="or-aria">
                  <xsl:with-param name="name" select="'file'"/>
                  <xsl:with-param name="hint" select="true()"/>
                </xsl:call-template>
              </input>
            </div>
            <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.offer.file.add')"/></button>
          </form>
        </section>
        <section class="card form-card" aria-labelledby="head-title">
          <h2 id="head-title"><xsl:value-of select="pt:t('orders.offer.head')"/></h2>
          <form class="form" method="post" action="{$f/@href}" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <xsl:call-template name="head-fields"/>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.offer.save')"/></button>
          </form>
        </section>
      </xsl:when>
      <xsl:when test="$f/@state != 'accepted'">
        <section class="card form-card" aria-labelledby="revise-title">
          <h2 id="revise-title"><xsl:value-of select="pt:t('orders.offer.revise')"/></h2>
          <p><xsl:value-of select="pt:t('orders.offer.revise.hint')"/></p>
          <form method="post" action="{$f/@href}/revise">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.offer.revise')"/></button>
          </form>
        </section>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
