<?xml version="1.0" encoding="UTF-8"?>
<!-- Request the deletion of one's own account (view "account-delete"):
     /page/deletion/@requested is the time of an earlier request (absent
     until then). An administrator completes the request. -->
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
    <section class="card account-narrow" aria-labelledby="delete-title">
      <h1 id="delete-title"><xsl:value-of select="pt:t('account.delete.title')"/></h1>
      <xsl:call-template name="pt-messages"/>
      <p class="lead"><xsl:value-of select="pt:t('account.delete.intro')"/></p>
      <p><xsl:value-of select="pt:t('account.delete.keeps')"/></p>
      <xsl:choose>
        <xsl:when test="string(deletion/@requested) != ''">
          <div class="alert alert-info" role="status">
            <p>
              <xsl:value-of select="pt:t('account.delete.pending')"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string(deletion/@requested)"/>
              </xsl:call-template>
            </p>
            <p><xsl:value-of select="pt:t('account.delete.admin')"/></p>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <form class="form" method="post" action="/auth/account/delete-request" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <div class="field">
              <xsl:if test="messages/message[@field = 'confirm']">
                <xsl:attribute name="class">field has-error</xsl:attribute>
              </xsl:if>
              <xsl:call-template name="pt-field-errors">
                <xsl:with-param name="field" select="'confirm'"/>
              </xsl:call-template>
              <div class="check">
                <input type="checkbox" id="confirm" name="confirm" value="1">
                  <xsl:call-template name="pt-field-aria">
                    <xsl:with-param name="field" select="'confirm'"/>
                  </xsl:call-template>
                </input>
                <label for="confirm"><xsl:value-of select="pt:t('account.delete.confirm')"/></label>
              </div>
            </div>
            <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('account.delete.submit')"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
      <p class="auth-extra"><a href="/auth/account"><xsl:value-of select="pt:t('account.back')"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
