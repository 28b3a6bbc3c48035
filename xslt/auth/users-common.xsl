<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by the org administration views (users, user-new, user-detail,
  budgets): the admin stylesheet link, role names, statuses and money.
  Included (not imported) by those views, after their import of layout.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:decimal-format name="en" decimal-separator="." grouping-separator=","/>
  <xsl:decimal-format name="de" decimal-separator="," grouping-separator="."/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
  </xsl:template>

  <!-- A role's name from the catalogue (role.<name>); a role the provider
       defined without a translation shows its own name. -->
  <xsl:template name="users-role-name">
    <xsl:param name="name"/>
    <xsl:variable name="key" select="concat('role.', $name)"/>
    <xsl:variable name="text" select="pt:t($key)"/>
    <xsl:choose>
      <xsl:when test="$text != $key"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="users-status">
    <xsl:param name="status"/>
    <span class="status-badge status-{$status}">
      <xsl:value-of select="pt:t(concat('users.status.', $status))"/>
    </span>
  </xsl:template>

  <!-- An amount in minor units as "1,234.50 GBP" ("1.234,50 GBP" in German);
       empty minor: no limit. -->
  <xsl:template name="users-money">
    <xsl:param name="minor"/>
    <xsl:param name="currency"/>
    <xsl:choose>
      <xsl:when test="string($minor) = ''"><xsl:value-of select="pt:t('budgets.no-limit')"/></xsl:when>
      <xsl:when test="/page/@lang = 'de'">
        <xsl:value-of select="format-number(number($minor) div 100, '#.##0,00', 'de')"/>
        <xsl:text>&#160;</xsl:text><xsl:value-of select="$currency"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number(number($minor) div 100, '#,##0.00', 'en')"/>
        <xsl:text>&#160;</xsl:text><xsl:value-of select="$currency"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Role checkboxes in a fieldset with id="roles" (the target of the
       error summary's link) from <roles><role id name on/></roles>. -->
  <xsl:template name="users-role-boxes">
    <xsl:param name="roles"/>
    <xsl:param name="legend-key" select="'users.roles'"/>
    <fieldset id="roles" class="choice-group" tabindex="-1">
      <xsl:if test="/page/messages/message[@field = 'roles']">
        <xsl:attribute name="class">choice-group has-error</xsl:attribute>
        <xsl:attribute name="aria-describedby">roles-error</xsl:attribute>
      </xsl:if>
      <legend><xsl:value-of select="pt:t($legend-key)"/></legend>
      <xsl:call-template name="pt-field-errors">
        <xsl:with-param name="field" select="'roles'"/>
      </xsl:call-template>
      <xsl:for-each select="$roles/role">
        <div class="choice">
          <input type="checkbox" id="role-{@id}" name="role" value="{@id}">
            <xsl:if test="@on = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <label for="role-{@id}">
            <xsl:call-template name="users-role-name">
              <xsl:with-param name="name" select="string(@name)"/>
            </xsl:call-template>
          </label>
        </div>
      </xsl:for-each>
    </fieldset>
  </xsl:template>

</xsl:stylesheet>
