<?xml version="1.0" encoding="UTF-8"?>
<!-- The email confirmation link (view "email-confirm"):
     /page/email-confirm/@result is confirm (the link's page: the new address
     and a Confirm button posting the token; opening the link changes
     nothing), ok (applied), invalid (unknown, used or expired link; 404) or
     taken (the address belongs to another account). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/account.css"/>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat('email-confirm.', email-confirm/@result, '.title'))"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="result" select="string(email-confirm/@result)"/>
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="$result = 'ok'">success</xsl:when>
        <xsl:otherwise>info</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="card status-page status-{$kind}" aria-labelledby="confirm-title">
      <h1 id="confirm-title"><xsl:value-of select="pt:t(concat('email-confirm.', $result, '.title'))"/></h1>
      <p class="lead"><xsl:value-of select="pt:t(concat('email-confirm.', $result, '.text'))"/></p>
      <xsl:if test="string(email-confirm/email) != ''">
        <p><strong><xsl:value-of select="email-confirm/email"/></strong></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$result = 'confirm'">
          <form class="form" method="post" action="/auth/account/email/confirm">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="token" value="{email-confirm/token}"/>
            <p class="actions">
              <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('email-confirm.confirm.button')"/></button>
            </p>
          </form>
          <p class="field-hint"><xsl:value-of select="pt:t('email-confirm.confirm.ignore')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="email-confirm-next"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="email-confirm-next">
      <p class="actions">
        <xsl:choose>
          <xsl:when test="$pt-user">
            <a class="btn btn-primary" href="/auth/account"><xsl:value-of select="pt:t('email-confirm.to-account')"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a class="btn btn-primary" href="/auth/login"><xsl:value-of select="pt:t('email-confirm.to-login')"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
  </xsl:template>

</xsl:stylesheet>
