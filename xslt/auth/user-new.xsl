<?xml version="1.0" encoding="UTF-8"?>
<!-- Invite a user (view "user-new"): email, name and initial roles for the
     org in user-new/org; for the provider without an org yet, a chooser
     of user-new/orgs/org first. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="users-common.xsl"/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="n" select="user-new"/>
    <p class="back-link"><a href="{$n/@base}"><xsl:value-of select="pt:t('users.back')"/></a></p>
    <section class="card form-card" aria-labelledby="invite-title">
      <h1 id="invite-title"><xsl:value-of select="pt:t('title.user-new')"/></h1>
      <xsl:choose>
        <xsl:when test="not($n/org)">
          <form class="form" method="get" action="{$n/@base}/new">
            <div class="field">
              <label for="org"><xsl:value-of select="pt:t('users.org')"/></label>
              <select id="org" name="org">
                <xsl:for-each select="$n/orgs/org">
                  <option value="{@id}"><xsl:value-of select="."/></option>
                </xsl:for-each>
              </select>
            </div>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('users.org.choose')"/></button>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p class="lead">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('users.invite.intro')"/>
              <xsl:with-param name="name" select="'org'"/>
              <xsl:with-param name="value" select="string($n/org)"/>
            </xsl:call-template>
          </p>
          <form class="form" method="post" action="{$n/@base}/new" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <xsl:if test="$n/@scope = 'admin'">
              <input type="hidden" name="org" value="{$n/org/@id}"/>
            </xsl:if>
            <xsl:call-template name="text-field">
              <xsl:with-param name="name" select="'email'"/>
              <xsl:with-param name="type" select="'email'"/>
              <xsl:with-param name="label-key" select="'users.email'"/>
              <xsl:with-param name="autocomplete" select="'off'"/>
            </xsl:call-template>
            <xsl:call-template name="text-field">
              <xsl:with-param name="name" select="'name'"/>
              <xsl:with-param name="type" select="'text'"/>
              <xsl:with-param name="label-key" select="'users.name'"/>
              <xsl:with-param name="autocomplete" select="'off'"/>
            </xsl:call-template>
            <xsl:call-template name="users-role-boxes">
              <xsl:with-param name="roles" select="$n/roles"/>
            </xsl:call-template>
            <p class="hint"><xsl:value-of select="pt:t('users.invite.hint')"/></p>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('users.invite.send')"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="text-field">
    <xsl:param name="name"/>
    <xsl:param name="type"/>
    <xsl:param name="label-key"/>
    <xsl:param name="autocomplete"/>
    <div class="field">
      <xsl:if test="/page/messages/message[@field = $name]">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:call-template name="pt-field-errors">
        <xsl:with-param name="field" select="$name"/>
      </xsl:call-template>
      <input id="{$name}" name="{$name}" type="{$type}" required="required"
          autocomplete="{$autocomplete}" value="{/page/form/field[@name = $name]}">
        <xsl:if test="$type = 'email'">
          <xsl:attribute name="autocapitalize">none</xsl:attribute>
          <xsl:attribute name="spellcheck">false</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        <xsl:call-template name="pt-field-aria">
          <xsl:with-param name="field" select="$name"/>
        </xsl:call-template>
      </input>
    </div>
  </xsl:template>

</xsl:stylesheet>
