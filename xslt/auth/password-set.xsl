<?xml version="1.0" encoding="UTF-8"?>
<!-- Set a password from a mailed link (view "password-set"), for a reset
     and for an invitation: /page/password-form with @purpose (reset|invite),
     @action (where the form posts), @state (form, or invalid for an
     unknown, used or expired link: status 404) and token, email, name, org. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/account.css"/>
  </xsl:template>

  <xsl:variable name="pf" select="/page/password-form"/>
  <xsl:variable name="prefix" select="concat('password.', $pf/@purpose, '.')"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$pf/@state = 'invalid'"><xsl:value-of select="pt:t('password.link-invalid.title')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t(concat($prefix, 'title'))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="messages"/>

  <xsl:template match="page" mode="content">
    <xsl:choose>
      <xsl:when test="$pf/@state = 'invalid'">
        <xsl:call-template name="pt-status-page">
          <xsl:with-param name="title-key" select="'password.link-invalid.title'"/>
          <xsl:with-param name="text-key" select="concat($prefix, 'invalid')"/>
          <xsl:with-param name="kind" select="'info'"/>
          <xsl:with-param name="actions">
            <xsl:choose>
              <xsl:when test="$pf/@purpose = 'reset'">
                <a class="btn btn-primary" href="/auth/password/forgot"><xsl:value-of select="pt:t('password.request-new')"/></a>
              </xsl:when>
              <xsl:otherwise>
                <a class="btn btn-primary" href="/auth/login"><xsl:value-of select="pt:t('password.back-to-login')"/></a>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="password-form"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="password-form">
    <section class="card auth-card" aria-labelledby="password-title">
      <h1 id="password-title"><xsl:value-of select="pt:t(concat($prefix, 'title'))"/></h1>
      <p class="lead">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t(concat($prefix, 'intro'))"/>
          <xsl:with-param name="name" select="'org'"/>
          <xsl:with-param name="value" select="string($pf/org)"/>
        </xsl:call-template>
      </p>
      <dl class="facts">
        <xsl:if test="$pf/@purpose = 'invite'">
          <div>
            <dt><xsl:value-of select="pt:t('password.invite.org')"/></dt>
            <dd><xsl:value-of select="$pf/org"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('password.invite.name')"/></dt>
            <dd><xsl:value-of select="$pf/name"/></dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:value-of select="pt:t('login.email')"/></dt>
          <dd><xsl:value-of select="$pf/email"/></dd>
        </div>
      </dl>
      <xsl:call-template name="pt-messages"/>
      <form class="form" method="post" action="{$pf/@action}" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <input type="hidden" name="token" value="{$pf/token}"/>
        <input type="hidden" name="username" autocomplete="username" value="{$pf/email}"/>
        <xsl:call-template name="password-field">
          <xsl:with-param name="name" select="'password'"/>
          <xsl:with-param name="label-key" select="'account.new-password'"/>
          <xsl:with-param name="hint-key" select="'password.rule'"/>
        </xsl:call-template>
        <xsl:call-template name="password-field">
          <xsl:with-param name="name" select="'password2'"/>
          <xsl:with-param name="label-key" select="'account.new-password2'"/>
        </xsl:call-template>
        <button type="submit" class="btn btn-primary btn-block"><xsl:value-of select="pt:t(concat($prefix, 'submit'))"/></button>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="password-field">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:variable name="bad" select="/page/messages/message[@field = $name]"/>
    <div class="field">
      <xsl:if test="$bad"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:if test="$hint-key != ''">
        <p class="field-hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="pt-field-errors">
        <xsl:with-param name="field" select="$name"/>
      </xsl:call-template>
      <input id="{$name}" name="{$name}" type="password" autocomplete="new-password" required="required">
        <xsl:if test="$hint-key != '' or $bad">
          <xsl:attribute name="aria-describedby">
            <xsl:if test="$bad"><xsl:value-of select="concat($name, '-error')"/></xsl:if>
            <xsl:if test="$bad and $hint-key != ''"><xsl:text> </xsl:text></xsl:if>
            <xsl:if test="$hint-key != ''"><xsl:value-of select="concat($name, '-hint')"/></xsl:if>
          </xsl:attribute>
        </xsl:if>
        <xsl:if test="$bad"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
      </input>
    </div>
  </xsl:template>

</xsl:stylesheet>
