<?xml version="1.0" encoding="UTF-8"?>
<!-- An org's budget limits (view "budgets"): the org's own limits
     (read-only), and per role of the org's kind a fieldset with the limit
     per order and per month (fields order-<role id>, month-<role id>;
     empty = the org's limit) and the role's effective limits. The message
     budgets.exceeds-org has a {limit} placeholder: the org's limit of the
     field's kind. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="users-common.xsl"/>

  <xsl:variable name="b" select="/page/budgets"/>

  <!-- The messages with their {limit} filled in, in the layout's boxes. -->
  <xsl:template match="page" mode="messages">
    <xsl:variable name="errors" select="messages/message[@kind = 'error']"/>
    <xsl:if test="$errors">
      <div class="alert alert-error" role="alert">
        <xsl:for-each select="$errors">
          <p>
            <xsl:choose>
              <xsl:when test="string(@field) != ''">
                <a href="#{@field}"><xsl:apply-templates select="." mode="text"/></a>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates select="." mode="text"/></xsl:otherwise>
            </xsl:choose>
          </p>
        </xsl:for-each>
      </div>
    </xsl:if>
    <xsl:if test="messages/message[@kind = 'success']">
      <div class="alert alert-success" role="status">
        <xsl:for-each select="messages/message[@kind = 'success']">
          <p><xsl:value-of select="pt:t(@key)"/></p>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="message" mode="text">
    <xsl:variable name="kind" select="substring-before(@field, '-')"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t(@key)"/>
      <xsl:with-param name="name" select="'limit'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="users-money">
          <xsl:with-param name="minor" select="string($b/org/@*[name() = $kind])"/>
          <xsl:with-param name="currency" select="string($b/@currency)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/auth/users"><xsl:value-of select="pt:t('users.back')"/></a></p>
    <h1><xsl:value-of select="pt:t('title.budgets')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('budgets.intro')"/></p>

    <section class="card" aria-labelledby="org-limits-title">
      <h2 id="org-limits-title">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('budgets.org')"/>
          <xsl:with-param name="name" select="'org'"/>
          <xsl:with-param name="value" select="string($b/org)"/>
        </xsl:call-template>
      </h2>
      <dl class="facts">
        <div>
          <dt><xsl:value-of select="pt:t('budgets.per-order')"/></dt>
          <dd class="amount" data-limit="org-order">
            <xsl:call-template name="users-money">
              <xsl:with-param name="minor" select="string($b/org/@order)"/>
              <xsl:with-param name="currency" select="string($b/@currency)"/>
            </xsl:call-template>
          </dd>
        </div>
        <div>
          <dt><xsl:value-of select="pt:t('budgets.per-month')"/></dt>
          <dd class="amount" data-limit="org-month">
            <xsl:call-template name="users-money">
              <xsl:with-param name="minor" select="string($b/org/@month)"/>
              <xsl:with-param name="currency" select="string($b/@currency)"/>
            </xsl:call-template>
          </dd>
        </div>
      </dl>
      <p class="hint"><xsl:value-of select="pt:t('budgets.org.hint')"/></p>
    </section>

    <form class="form" method="post" action="/auth/budgets" novalidate="novalidate">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <h2><xsl:value-of select="pt:t('budgets.roles')"/></h2>
      <p class="hint">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('budgets.roles.hint')"/>
          <xsl:with-param name="name" select="'currency'"/>
          <xsl:with-param name="value" select="string($b/@currency)"/>
        </xsl:call-template>
      </p>
      <div class="limit-grid">
        <xsl:for-each select="$b/role">
          <fieldset class="card limit-card" id="role-{@name}">
            <legend>
              <xsl:call-template name="users-role-name">
                <xsl:with-param name="name" select="string(@name)"/>
              </xsl:call-template>
            </legend>
            <xsl:call-template name="limit-field">
              <xsl:with-param name="role" select="."/>
              <xsl:with-param name="kind" select="'order'"/>
              <xsl:with-param name="label-key" select="'budgets.per-order'"/>
            </xsl:call-template>
            <xsl:call-template name="limit-field">
              <xsl:with-param name="role" select="."/>
              <xsl:with-param name="kind" select="'month'"/>
              <xsl:with-param name="label-key" select="'budgets.per-month'"/>
            </xsl:call-template>
          </fieldset>
        </xsl:for-each>
      </div>
      <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('budgets.save')"/></button>
    </form>
  </xsl:template>

  <xsl:template name="limit-field">
    <xsl:param name="role"/>
    <xsl:param name="kind"/>
    <xsl:param name="label-key"/>
    <xsl:variable name="name" select="concat($kind, '-', $role/@id)"/>
    <xsl:variable name="msgs" select="/page/messages/message[@field = $name]"/>
    <div class="field">
      <xsl:if test="$msgs">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="{$name}">
        <xsl:value-of select="pt:t($label-key)"/>
        <xsl:text> (</xsl:text><xsl:value-of select="$b/@currency"/><xsl:text>)</xsl:text>
      </label>
      <xsl:if test="$msgs">
        <p class="field-error" id="{$name}-error">
          <xsl:for-each select="$msgs">
            <span class="visually-hidden"><xsl:value-of select="pt:t('message.error')"/><xsl:text> </xsl:text></span>
            <xsl:apply-templates select="." mode="text"/>
          </xsl:for-each>
        </p>
      </xsl:if>
      <input id="{$name}" name="{$name}" type="text" inputmode="decimal" autocomplete="off"
          maxlength="20" value="{/page/form/field[@name = $name]}"
          aria-describedby="{$name}-effective">
        <xsl:if test="$msgs">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-error ', $name, '-effective')"/></xsl:attribute>
        </xsl:if>
      </input>
      <p class="hint" id="{$name}-effective">
        <xsl:value-of select="pt:t('budgets.effective')"/>
        <xsl:text> </xsl:text>
        <span class="amount" data-effective="{$name}">
          <xsl:call-template name="users-money">
            <xsl:with-param name="minor" select="string($role/@*[name() = concat('effective-', $kind)])"/>
            <xsl:with-param name="currency" select="string($b/@currency)"/>
          </xsl:call-template>
        </span>
        <xsl:if test="string($role/@*[name() = $kind]) = ''">
          <xsl:text> </xsl:text><xsl:value-of select="pt:t('budgets.inherits')"/>
        </xsl:if>
      </p>
    </div>
  </xsl:template>

</xsl:stylesheet>
