<?xml version="1.0" encoding="UTF-8"?>
<!-- Request a password reset link (view "password-forgot"). The answer to
     a well-formed address is always the same message (password.forgot.sent),
     whether or not the address is known. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/account.css"/>
  </xsl:template>

  <xsl:template match="page" mode="messages"/>

  <xsl:template match="page" mode="content">
    <section class="card auth-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title"><xsl:value-of select="pt:t('password.forgot.title')"/></h1>
      <p class="lead"><xsl:value-of select="pt:t('password.forgot.intro')"/></p>
      <xsl:call-template name="pt-messages"/>
      <form class="form" method="post" action="/auth/password/forgot" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="messages/message[@field = 'email']">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <label for="email"><xsl:value-of select="pt:t('login.email')"/></label>
          <xsl:call-template name="pt-field-errors">
            <xsl:with-param name="field" select="'email'"/>
          </xsl:call-template>
          <input id="email" name="email" type="email" autocomplete="username"
              required="required" autocapitalize="none" spellcheck="false"
              value="{form[@name = 'forgot']/field[@name = 'email']}">
            <xsl:call-template name="pt-field-aria">
              <xsl:with-param name="field" select="'email'"/>
            </xsl:call-template>
          </input>
        </div>
        <button type="submit" class="btn btn-primary btn-block"><xsl:value-of select="pt:t('password.forgot.submit')"/></button>
      </form>
      <p class="auth-extra"><a href="/auth/login"><xsl:value-of select="pt:t('password.back-to-login')"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
