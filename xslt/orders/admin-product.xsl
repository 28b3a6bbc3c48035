<?xml version="1.0" encoding="UTF-8"?>
<!-- Create or edit a product (view "admin-product", catalogue.manage):
     one multipart form with the texts in both languages, the facts, the
     audience, the list prices per currency and the image. /page/or-product
     has @id, @sku and @image when editing; the values are
     /page/form[@name='product']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:variable name="p" select="/page/or-product"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$p/@id"><xsl:value-of select="concat($p/@sku, ' ', $p/name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('orders.admin.product.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/orders/admin/"><xsl:value-of select="pt:t('orders.admin.back.products')"/></a></p>
    <h1><xsl:value-of select="$title"/></h1>
    <xsl:if test="$p/@id">
      <p><a href="/orders/products/{str:encode-uri(string($p/@sku), true())}"><xsl:value-of select="pt:t('orders.admin.product.view')"/></a></p>
    </xsl:if>
    <form class="form card or-form" method="post" enctype="multipart/form-data" novalidate="novalidate">
      <xsl:attribute name="action">
        <xsl:choose>
          <xsl:when test="$p/@id">/orders/admin/products/<xsl:value-of select="$p/@id"/></xsl:when>
          <xsl:otherwise>/orders/admin/products/new</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <fieldset class="or-fieldset">
        <legend><xsl:value-of select="pt:t('orders.admin.product.texts')"/></legend>
        <div class="or-pair">
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'name_en'"/>
            <xsl:with-param name="label-key" select="'orders.admin.name-en'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'name_de'"/>
            <xsl:with-param name="label-key" select="'orders.admin.name-de'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>
        <div class="or-pair">
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'description_en'"/>
            <xsl:with-param name="label-key" select="'orders.admin.description-en'"/>
            <xsl:with-param name="rows" select="5"/>
          </xsl:call-template>
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'description_de'"/>
            <xsl:with-param name="label-key" select="'orders.admin.description-de'"/>
            <xsl:with-param name="rows" select="5"/>
          </xsl:call-template>
        </div>
      </fieldset>
      <fieldset class="or-fieldset">
        <legend><xsl:value-of select="pt:t('orders.admin.product.facts')"/></legend>
        <div class="or-pair">
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'sku'"/>
            <xsl:with-param name="label-key" select="'orders.col.sku'"/>
            <xsl:with-param name="hint-key" select="'orders.admin.sku.hint'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="or-select">
            <xsl:with-param name="name" select="'category'"/>
            <xsl:with-param name="label-key" select="'orders.col.category'"/>
            <xsl:with-param name="options" select="$p/category"/>
            <xsl:with-param name="empty-key" select="'orders.admin.choose'"/>
          </xsl:call-template>
          <xsl:call-template name="or-select">
            <xsl:with-param name="name" select="'kind'"/>
            <xsl:with-param name="label-key" select="'orders.catalogue.kind'"/>
            <xsl:with-param name="values" select="'product service'"/>
            <xsl:with-param name="prefix" select="'orders.kind.'"/>
          </xsl:call-template>
          <xsl:call-template name="or-select">
            <xsl:with-param name="name" select="'unit'"/>
            <xsl:with-param name="label-key" select="'orders.col.unit'"/>
            <xsl:with-param name="values" select="'piece pack box set metre kg litre hour day month year licence'"/>
            <xsl:with-param name="prefix" select="'orders.unit.'"/>
          </xsl:call-template>
          <xsl:call-template name="or-select">
            <xsl:with-param name="name" select="'tax_class'"/>
            <xsl:with-param name="label-key" select="'orders.tax-class'"/>
            <xsl:with-param name="hint-key" select="'orders.tax-class.hint'"/>
            <xsl:with-param name="values" select="'standard reduced zero'"/>
            <xsl:with-param name="prefix" select="'orders.tax-class.'"/>
          </xsl:call-template>
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'lead_time_days'"/>
            <xsl:with-param name="label-key" select="'orders.admin.lead'"/>
            <xsl:with-param name="hint-key" select="'orders.admin.lead.hint'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
          </xsl:call-template>
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'return_days'"/>
            <xsl:with-param name="label-key" select="'orders.admin.return-days'"/>
            <xsl:with-param name="hint-key" select="'orders.admin.return-days.hint'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
          </xsl:call-template>
        </div>
      </fieldset>
      <fieldset id="audience" class="or-fieldset" tabindex="-1">
        <legend><xsl:value-of select="pt:t('orders.admin.audience')"/></legend>
        <xsl:call-template name="or-errors"><xsl:with-param name="name" select="'audience'"/></xsl:call-template>
        <xsl:call-template name="or-check">
          <xsl:with-param name="name" select="'audience'"/>
          <xsl:with-param name="value" select="'customer'"/>
          <xsl:with-param name="id" select="'audience-customer'"/>
          <xsl:with-param name="label-key" select="'orders.audience.customer'"/>
        </xsl:call-template>
        <xsl:call-template name="or-check">
          <xsl:with-param name="name" select="'audience'"/>
          <xsl:with-param name="value" select="'partner'"/>
          <xsl:with-param name="id" select="'audience-partner'"/>
          <xsl:with-param name="label-key" select="'orders.audience.partner'"/>
        </xsl:call-template>
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'tiers'"/>
          <xsl:with-param name="label-key" select="'orders.admin.tiers'"/>
          <xsl:with-param name="hint-key" select="'orders.admin.tiers.hint'"/>
        </xsl:call-template>
        <xsl:call-template name="or-check">
          <xsl:with-param name="name" select="'active'"/>
          <xsl:with-param name="label-key" select="'orders.admin.active.label'"/>
        </xsl:call-template>
      </fieldset>
      <fieldset class="or-fieldset">
        <legend><xsl:value-of select="pt:t('orders.admin.prices')"/></legend>
        <p class="hint"><xsl:value-of select="pt:t('orders.admin.prices.hint')"/></p>
        <div class="or-prices">
          <!-- One call each: inside a for-each over str:split, "/" would be the split's tree, not the page. -->
          <xsl:call-template name="or-price-input"><xsl:with-param name="currency" select="'EUR'"/></xsl:call-template>
          <xsl:call-template name="or-price-input"><xsl:with-param name="currency" select="'CHF'"/></xsl:call-template>
          <xsl:call-template name="or-price-input"><xsl:with-param name="currency" select="'GBP'"/></xsl:call-template>
          <xsl:call-template name="or-price-input"><xsl:with-param name="currency" select="'USD'"/></xsl:call-template>
        </div>
      </fieldset>
      <fieldset class="or-fieldset">
        <legend><xsl:value-of select="pt:t('orders.admin.image')"/></legend>
        <xsl:if test="$p/@image">
          <figure class="or-image or-image-small"><img src="{$p/@image}" alt="{$p/name}"/></figure>
          <xsl:call-template name="or-check">
            <xsl:with-param name="name" select="'image_remove'"/>
            <xsl:with-param name="label-key" select="'orders.admin.image.remove'"/>
          </xsl:call-template>
        </xsl:if>
        <div>
          <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'image'"/></xsl:call-template>
          <xsl:call-template name="or-label">
            <xsl:with-param name="name" select="'image'"/>
            <xsl:with-param name="label-key" select="'orders.admin.image.file'"/>
            <xsl:with-param name="hint-key" select="'orders.admin.image.hint'"/>
          </xsl:call-template>
          <input type="file" id="image" name="image" accept="image/png,image/jpeg,image/gif,image/webp">
            <xsl:call-template name="or-aria">
              <xsl:with-param name="name" select="'image'"/>
              <xsl:with-param name="hint" select="true()"/>
            </xsl:call-template>
          </input>
        </div>
      </fieldset>
      <button type="submit" class="btn btn-primary">
        <xsl:choose>
          <xsl:when test="$p/@id"><xsl:value-of select="pt:t('orders.admin.save')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('orders.admin.product.create')"/></xsl:otherwise>
        </xsl:choose>
      </button>
    </form>
  </xsl:template>

  <xsl:template name="or-price-input">
    <xsl:param name="currency"/>
    <xsl:call-template name="or-input">
      <xsl:with-param name="name" select="concat('price_', $currency)"/>
      <xsl:with-param name="label-key" select="concat('orders.admin.price.', $currency)"/>
      <xsl:with-param name="inputmode" select="'decimal'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
