<?xml version="1.0" encoding="UTF-8"?>
<!-- A canned response's form (view "canned-form"): name, language and
     text with the placeholders it may use; for one that exists also
     "Delete". Data: canned-form (@id, @action, placeholders) and form
     canned. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>

  <xsl:variable name="f" select="/page/canned-form"/>
  <xsl:variable name="v" select="/page/form[@name = 'canned']"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$f/@id"><xsl:value-of select="pt:t('tickets.canned.edit')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('tickets.canned.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/canned"><xsl:value-of select="pt:t('tickets.canned.back')"/></a></p>
    <div class="card form-card tk-form-card">
      <h1><xsl:apply-templates select="." mode="title"/></h1>
      <xsl:if test="string($f/@updated) != ''">
        <p class="hint">
          <xsl:value-of select="pt:t('tickets.canned.updated')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string($f/@updated)"/>
            <xsl:with-param name="style" select="'relative'"/>
          </xsl:call-template>
          <xsl:if test="string($f/@by) != ''">
            <xsl:text>, </xsl:text><xsl:value-of select="$f/@by"/>
          </xsl:if>
        </p>
      </xsl:if>
      <form class="form" method="post" action="{$f/@action}" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'name' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="name"><xsl:value-of select="pt:t('tickets.canned.name')"/></label>
          <p class="hint" id="name-help"><xsl:value-of select="pt:t('tickets.canned.name.help')"/></p>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'name'"/></xsl:call-template>
          <input type="text" id="name" name="name" aria-describedby="name-help" value="{$v/field[@name = 'name']}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'name'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'name'"/></xsl:call-template>
          </input>
        </div>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'lang' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="lang"><xsl:value-of select="pt:t('tickets.canned.lang')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'lang'"/></xsl:call-template>
          <select id="lang" name="lang">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'lang'"/></xsl:call-template>
            <xsl:for-each select="/page/languages/language">
              <option value="{@code}">
                <xsl:if test="@code = $v/field[@name = 'lang']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('lang.', @code))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'body' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="body"><xsl:value-of select="pt:t('tickets.canned.body')"/></label>
          <div class="hint" id="body-help">
            <p><xsl:value-of select="pt:t('tickets.canned.body.help')"/></p>
            <ul class="tk-placeholders">
              <xsl:for-each select="$f/placeholders/placeholder">
                <li><code><xsl:value-of select="."/></code></li>
              </xsl:for-each>
            </ul>
          </div>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'body'"/></xsl:call-template>
          <textarea id="body" name="body" rows="10" aria-describedby="body-help">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'body'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'body'"/></xsl:call-template>
            <xsl:value-of select="$v/field[@name = 'body']"/>
          </textarea>
        </div>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tickets.canned.save')"/></button>
      </form>
      <xsl:if test="$f/@id">
        <form class="inline-form tk-danger" method="post" action="{$f/@action}/delete">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.canned.delete')"/></button>
        </form>
      </xsl:if>
    </div>
  </xsl:template>

</xsl:stylesheet>
