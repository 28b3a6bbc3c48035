<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of the provider administration views (orgs, org-form, roles,
  role-form, audit, deletions). Included (not imported) by each view after
  it imports ../layout.xsl.

    page mode="head"   the area stylesheets
    prov-text-field    a labelled text input with its field errors
    prov-select        a labelled select over a space-separated list of values
    prov-pager         previous/next as a GET form that keeps the filters
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/provider.css"/>
  </xsl:template>

  <!-- The links between these pages are the section navigation of
       layout.xsl, drawn from the runtime's table (cgi-bin-src/lib/nav.c). -->

  <!-- The class of a field's wrapper: "field", plus has-error when it has messages. -->
  <xsl:template name="prov-field-class">
    <xsl:param name="name"/>
    <xsl:attribute name="class">
      <xsl:text>field</xsl:text>
      <xsl:if test="/page/messages/message[@field = $name]"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- A text input; value from /page/form/field[@name = $name]. -->
  <xsl:template name="prov-text-field">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="inputmode" select="''"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="maxlength" select="''"/>
    <div>
      <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:if test="$hint-key != ''">
        <p class="field-hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <input id="{$name}" name="{$name}" type="text" value="{/page/form/field[@name = $name]}">
        <xsl:if test="$inputmode != ''"><xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute></xsl:if>
        <xsl:if test="$maxlength != ''"><xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute></xsl:if>
        <xsl:if test="$required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
        <xsl:if test="$hint-key != ''"><xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-hint')"/></xsl:attribute></xsl:if>
        <xsl:if test="/page/messages/message[@field = $name]">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">
            <xsl:value-of select="concat($name, '-error')"/>
            <xsl:if test="$hint-key != ''"><xsl:value-of select="concat(' ', $name, '-hint')"/></xsl:if>
          </xsl:attribute>
        </xsl:if>
      </input>
    </div>
  </xsl:template>

  <!-- A select over the space-separated $values; option texts are
       pt:t(concat($prefix, value)); $empty-key adds a first empty option. -->
  <xsl:template name="prov-select">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="values"/>
    <xsl:param name="prefix"/>
    <xsl:param name="empty-key" select="''"/>
    <xsl:param name="current" select="string(/page/form/field[@name = $name])"/>
    <div>
      <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <select id="{$name}" name="{$name}">
        <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="$name"/></xsl:call-template>
        <xsl:if test="$empty-key != ''">
          <option value=""><xsl:value-of select="pt:t($empty-key)"/></option>
        </xsl:if>
        <xsl:call-template name="prov-options">
          <xsl:with-param name="values" select="normalize-space($values)"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
      </select>
    </div>
  </xsl:template>

  <xsl:template name="prov-options">
    <xsl:param name="values"/>
    <xsl:param name="prefix"/>
    <xsl:param name="current"/>
    <xsl:if test="$values != ''">
      <xsl:variable name="v">
        <xsl:choose>
          <xsl:when test="contains($values, ' ')"><xsl:value-of select="substring-before($values, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$values"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <option value="{$v}">
        <xsl:if test="$v = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:value-of select="pt:t(concat($prefix, $v))"/>
      </option>
      <xsl:call-template name="prov-options">
        <xsl:with-param name="values" select="substring-after($values, ' ')"/>
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Previous / next for a <pager page pages total/>: a GET form to
       $action repeating the non-empty attributes of $filter. -->
  <xsl:template name="prov-pager">
    <xsl:param name="pager"/>
    <xsl:param name="filter"/>
    <xsl:param name="action"/>
    <xsl:variable name="page" select="number($pager/@page)"/>
    <xsl:variable name="pages" select="number($pager/@pages)"/>
    <nav class="prov-pager" aria-label="{pt:t('admin.pager')}">
      <p class="prov-pager-status">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="pt-replace">
                  <xsl:with-param name="text" select="pt:t('admin.pager.status')"/>
                  <xsl:with-param name="name" select="'page'"/>
                  <xsl:with-param name="value" select="string($pager/@page)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'pages'"/>
              <xsl:with-param name="value" select="string($pager/@pages)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'total'"/>
          <xsl:with-param name="value" select="string($pager/@total)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$pages &gt; 1">
        <form method="get" action="{$action}" class="prov-pager-form">
          <xsl:for-each select="$filter/@*[string(.) != '']">
            <input type="hidden" name="{name()}" value="{.}"/>
          </xsl:for-each>
          <xsl:if test="$page &gt; 1">
            <button type="submit" class="btn btn-secondary" name="page" value="{$page - 1}"><xsl:value-of select="pt:t('admin.pager.previous')"/></button>
          </xsl:if>
          <xsl:if test="$page &lt; $pages">
            <button type="submit" class="btn btn-secondary" name="page" value="{$page + 1}"><xsl:value-of select="pt:t('admin.pager.next')"/></button>
          </xsl:if>
        </form>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- A role's name for people: the catalogue's text for built-in roles, else its code. -->
  <xsl:template name="prov-role-name">
    <xsl:param name="name"/>
    <xsl:variable name="key" select="concat('role.', $name)"/>
    <xsl:variable name="t" select="pt:t($key)"/>
    <xsl:choose>
      <xsl:when test="$t != $key"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
