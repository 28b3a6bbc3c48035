<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the orders views share (included, not imported, by each view of
  xslt/orders/ after it imports ../layout.xsl):

    page mode="head"  the area stylesheets
    or-money          minor units and a currency as the reader writes money
    or-price          a <price> element: the amount per unit, "contract
                      price" with the list price beside it, or "on request"
    or-lead           a lead time in working days
    or-fill           a catalogue text with one {placeholder} filled in
    or-audience       an <audience kinds> with its <tier>s, in words
    or-tabs           the parts of the catalogue's administration
    or-input          a labelled input or textarea with its errors
    or-select         a labelled select over option nodes or a word list
    or-check          one labelled checkbox
  Form values come from /page/form/field[@name], messages from /page/messages.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:decimal-format name="or-en" decimal-separator="." grouping-separator=","/>
  <xsl:decimal-format name="or-de" decimal-separator="," grouping-separator="."/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/orders.css"/>
  </xsl:template>

  <!-- 1234567 EUR: "12,345.67 EUR" in English, "12.345,67 EUR" in German. -->
  <xsl:template name="or-money">
    <xsl:param name="minor"/>
    <xsl:param name="currency"/>
    <span class="amount nowrap">
      <xsl:choose>
        <xsl:when test="/page/@lang = 'de'">
          <xsl:value-of select="format-number(number($minor) div 100, '#.##0,00', 'or-de')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="format-number(number($minor) div 100, '#,##0.00', 'or-en')"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#160;</xsl:text>
      <xsl:value-of select="$currency"/>
    </span>
  </xsl:template>

  <!-- $price: a <price> element; $unit: the product's unit, said per unit. -->
  <xsl:template name="or-price">
    <xsl:param name="price"/>
    <xsl:param name="unit"/>
    <xsl:param name="long" select="false()"/>
    <xsl:choose>
      <xsl:when test="$price/@on-request = '1'">
        <span class="or-on-request"><xsl:value-of select="pt:t('orders.price.on-request')"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="or-price">
          <xsl:call-template name="or-money">
            <xsl:with-param name="minor" select="$price/@minor"/>
            <xsl:with-param name="currency" select="$price/@currency"/>
          </xsl:call-template>
          <xsl:if test="$unit != ''">
            <span class="or-per">
              <xsl:text> </xsl:text>
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.price.per'"/>
                <xsl:with-param name="name" select="'unit'"/>
                <xsl:with-param name="value" select="pt:t(concat('orders.unit.', $unit))"/>
              </xsl:call-template>
            </span>
          </xsl:if>
        </span>
        <xsl:if test="$price/@contract = '1'">
          <span class="status-badge or-contract"><xsl:value-of select="pt:t('orders.price.contract')"/></span>
          <xsl:if test="$long and string($price/@list-minor) != ''">
            <span class="or-list-price">
              <xsl:value-of select="pt:t('orders.price.list')"/>
              <xsl:text> </xsl:text>
              <del>
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="$price/@list-minor"/>
                  <xsl:with-param name="currency" select="$price/@currency"/>
                </xsl:call-template>
              </del>
            </span>
          </xsl:if>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="or-lead">
    <xsl:param name="days"/>
    <xsl:choose>
      <xsl:when test="$days = 0"><xsl:value-of select="pt:t('orders.lead.now')"/></xsl:when>
      <xsl:when test="$days = 1"><xsl:value-of select="pt:t('orders.lead.day')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.lead.days'"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string($days)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="or-audience">
    <xsl:param name="a"/>
    <xsl:choose>
      <xsl:when test="contains($a/@kinds, 'customer') and contains($a/@kinds, 'partner')">
        <xsl:value-of select="pt:t('orders.audience.both')"/>
      </xsl:when>
      <xsl:when test="contains($a/@kinds, 'partner')"><xsl:value-of select="pt:t('orders.audience.partner')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('orders.audience.customer')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$a/tier">
      <xsl:text>; </xsl:text>
      <xsl:call-template name="or-fill">
        <xsl:with-param name="key" select="'orders.audience.tiers'"/>
        <xsl:with-param name="name" select="'tiers'"/>
        <xsl:with-param name="value">
          <xsl:for-each select="$a/tier">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="or-tabs">
    <xsl:param name="current"/>
    <nav class="or-tabs pill-tabs" aria-label="{pt:t('orders.admin.tabs')}">
      <ul>
        <xsl:for-each select="str:split('products categories contract-prices import', ' ')">
          <li>
            <a>
              <xsl:attribute name="href">
                <xsl:choose>
                  <xsl:when test=". = 'products'">/orders/admin/</xsl:when>
                  <xsl:otherwise>/orders/admin/<xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:if test=". = $current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.admin.tab.', .))"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <!-- class="field", with has-error when the field has an error. -->
  <xsl:template name="or-field-class">
    <xsl:param name="name"/>
    <xsl:param name="base" select="'field'"/>
    <xsl:attribute name="class">
      <xsl:value-of select="$base"/>
      <xsl:if test="/page/messages/message[@field = $name and @kind = 'error']"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- aria-describedby (hint, errors) and aria-invalid for the current control. -->
  <xsl:template name="or-aria">
    <xsl:param name="name"/>
    <xsl:param name="hint" select="false()"/>
    <xsl:variable name="error" select="/page/messages/message[@field = $name and @kind = 'error']"/>
    <xsl:if test="$hint or $error">
      <xsl:attribute name="aria-describedby">
        <xsl:if test="$error"><xsl:value-of select="concat($name, '-error')"/></xsl:if>
        <xsl:if test="$hint and $error"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$hint"><xsl:value-of select="concat($name, '-hint')"/></xsl:if>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="$error"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template name="or-errors">
    <xsl:param name="name"/>
    <xsl:variable name="msgs" select="/page/messages/message[@field = $name]"/>
    <xsl:if test="$msgs">
      <p class="field-error" id="{$name}-error">
        <xsl:for-each select="$msgs">
          <span class="visually-hidden"><xsl:value-of select="pt:t('message.error')"/><xsl:text> </xsl:text></span>
          <xsl:call-template name="pt-message-text"/>
          <xsl:if test="position() != last()"><br/></xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The label, hint and errors of a field. -->
  <xsl:template name="or-label">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key"/>
    <xsl:param name="required"/>
    <label for="{$name}">
      <xsl:value-of select="pt:t($label-key)"/>
      <xsl:if test="not($required)"><span class="or-optional"><xsl:value-of select="concat(' (', pt:t('input.optional'), ')')"/></span></xsl:if>
    </label>
    <xsl:if test="$hint-key != ''">
      <p class="hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
    </xsl:if>
    <xsl:call-template name="or-errors"><xsl:with-param name="name" select="$name"/></xsl:call-template>
  </xsl:template>

  <!-- A text input (rows > 0: a textarea). -->
  <xsl:template name="or-input">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="rows" select="0"/>
    <xsl:param name="inputmode" select="''"/>
    <xsl:param name="class" select="''"/>
    <xsl:variable name="value" select="string(/page/form/field[@name = $name])"/>
    <div>
      <xsl:call-template name="or-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="base" select="normalize-space(concat('field ', $class))"/>
      </xsl:call-template>
      <xsl:call-template name="or-label">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="label-key" select="$label-key"/>
        <xsl:with-param name="hint-key" select="$hint-key"/>
        <xsl:with-param name="required" select="$required"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$rows &gt; 0">
          <textarea id="{$name}" name="{$name}" rows="{$rows}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="or-aria">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="hint" select="$hint-key != ''"/>
            </xsl:call-template>
            <xsl:if test="$required"><xsl:attribute name="aria-required">true</xsl:attribute></xsl:if>
            <xsl:value-of select="$value"/>
          </textarea>
        </xsl:when>
        <xsl:otherwise>
          <input id="{$name}" name="{$name}" type="text" value="{$value}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:if test="$inputmode != ''"><xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute></xsl:if>
            <xsl:call-template name="or-aria">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="hint" select="$hint-key != ''"/>
            </xsl:call-template>
            <xsl:if test="$required"><xsl:attribute name="aria-required">true</xsl:attribute></xsl:if>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- A select over $options (@id the value, the text the label) or the
       words of $values (labels pt:t($prefix + word)). -->
  <xsl:template name="or-select">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="options" select="/.."/>
    <xsl:param name="values" select="''"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="empty-key" select="''"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:variable name="current" select="string(/page/form/field[@name = $name])"/>
    <div>
      <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <xsl:call-template name="or-label">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="label-key" select="$label-key"/>
        <xsl:with-param name="hint-key" select="$hint-key"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <select id="{$name}" name="{$name}">
        <xsl:call-template name="or-aria">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint" select="$hint-key != ''"/>
        </xsl:call-template>
        <xsl:if test="$empty-key != ''"><option value=""><xsl:value-of select="pt:t($empty-key)"/></option></xsl:if>
        <xsl:for-each select="$options">
          <option value="{@id}">
            <xsl:if test="string(@id) = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:value-of select="."/>
          </option>
        </xsl:for-each>
        <xsl:if test="$values != ''">
          <xsl:for-each select="str:split($values, ' ')">
            <option value="{.}">
              <xsl:if test=". = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat($prefix, .))"/>
            </option>
          </xsl:for-each>
        </xsl:if>
      </select>
    </div>
  </xsl:template>

  <!-- One checkbox named $name with $value, ticked when the form has it. -->
  <xsl:template name="or-check">
    <xsl:param name="name"/>
    <xsl:param name="value" select="'1'"/>
    <xsl:param name="id" select="$name"/>
    <xsl:param name="label-key"/>
    <div class="choice">
      <input type="checkbox" id="{$id}" name="{$name}" value="{$value}">
        <xsl:if test="/page/form/field[@name = $name and . = $value]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        <xsl:if test="$id = $name">
          <xsl:call-template name="or-aria"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        </xsl:if>
      </input>
      <label for="{$id}"><xsl:value-of select="pt:t($label-key)"/></label>
    </div>
  </xsl:template>

  <xsl:template name="or-fill">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="value" select="$value"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
