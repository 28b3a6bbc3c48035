<?xml version="1.0" encoding="UTF-8"?>
<!-- Sign-in form (view "login"). Field errors: message[@field='email'|'password']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <!-- Messages go inside the card, between the heading and the form. -->
  <xsl:template match="page" mode="messages"/>

  <xsl:template match="page" mode="content">
    <section class="card auth-card" aria-labelledby="login-title">
      <h1 id="login-title"><xsl:value-of select="pt:t('login.title')"/></h1>
      <p class="lead"><xsl:value-of select="pt:t('login.intro')"/></p>
      <xsl:call-template name="pt-messages"/>
      <!-- novalidate: the server's messages are the accessible ones, and
           they are the same with and without a browser's own checks. -->
      <form class="form" method="post" action="/auth/login" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <input type="hidden" name="next" value="{form/field[@name = 'next']}"/>

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
              value="{form/field[@name = 'email']}">
            <xsl:call-template name="pt-field-aria">
              <xsl:with-param name="field" select="'email'"/>
            </xsl:call-template>
          </input>
        </div>

        <div class="field">
          <xsl:if test="messages/message[@field = 'password']">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <label for="password"><xsl:value-of select="pt:t('login.password')"/></label>
          <xsl:call-template name="pt-field-errors">
            <xsl:with-param name="field" select="'password'"/>
          </xsl:call-template>
          <input id="password" name="password" type="password"
              autocomplete="current-password" required="required">
            <xsl:call-template name="pt-field-aria">
              <xsl:with-param name="field" select="'password'"/>
            </xsl:call-template>
          </input>
        </div>

        <button type="submit" class="btn btn-primary btn-block"><xsl:value-of select="pt:t('login.submit')"/></button>
      </form>
      <p class="auth-extra"><a href="/auth/password/forgot"><xsl:value-of select="pt:t('login.forgot')"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
