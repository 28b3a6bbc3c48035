<?xml version="1.0" encoding="UTF-8"?>
<!-- Create or edit an organisation (view "org-form", permission admin.users).
     /page/org-form has @id when editing; the values are /page/form[@name='org']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="org-form/@id"><xsl:value-of select="pt:t('org.edit.title')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('org.new.title')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="o" select="org-form"/>
    <xsl:variable name="provider" select="$o/@kind = 'provider'"/>
    <p class="prov-back"><a href="/auth/admin/orgs"><xsl:value-of select="pt:t('org.back')"/></a></p>
    <section class="card prov-form-card" aria-labelledby="org-title">
      <h1 id="org-title">
        <xsl:choose>
          <xsl:when test="$o/@id"><xsl:value-of select="$o/name"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('org.new.title')"/></xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:if test="$o/@id">
        <dl class="prov-facts">
          <div>
            <dt><xsl:value-of select="pt:t('org.kind')"/></dt>
            <dd><xsl:value-of select="pt:t(concat('org.kind.', $o/@kind))"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('org.users')"/></dt>
            <dd><xsl:value-of select="$o/@users"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('org.created')"/></dt>
            <dd>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string($o/@created)"/>
              </xsl:call-template>
            </dd>
          </div>
        </dl>
      </xsl:if>

      <form class="form" method="post" novalidate="novalidate">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$o/@id">/auth/admin/orgs/<xsl:value-of select="$o/@id"/></xsl:when>
            <xsl:otherwise>/auth/admin/orgs/new</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>

        <xsl:call-template name="prov-text-field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label-key" select="'org.name'"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'name']/@chars)"/>
        </xsl:call-template>

        <xsl:choose>
          <xsl:when test="$provider">
            <input type="hidden" name="kind" value="provider"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="prov-select">
              <xsl:with-param name="name" select="'kind'"/>
              <xsl:with-param name="label-key" select="'org.kind'"/>
              <xsl:with-param name="values" select="'customer partner'"/>
              <xsl:with-param name="prefix" select="'org.kind.'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>

        <xsl:call-template name="prov-select">
          <xsl:with-param name="name" select="'tier'"/>
          <xsl:with-param name="label-key" select="'org.tier'"/>
          <xsl:with-param name="values" select="'bronze silver gold premier'"/>
          <xsl:with-param name="prefix" select="'org.tier.'"/>
          <xsl:with-param name="empty-key" select="'org.tier.none'"/>
        </xsl:call-template>

        <div class="prov-row">
          <xsl:call-template name="prov-select">
            <xsl:with-param name="name" select="'currency'"/>
            <xsl:with-param name="label-key" select="'org.currency'"/>
            <xsl:with-param name="values" select="'EUR GBP USD CHF'"/>
            <xsl:with-param name="prefix" select="'currency.'"/>
          </xsl:call-template>
          <xsl:call-template name="prov-select">
            <xsl:with-param name="name" select="'language'"/>
            <xsl:with-param name="label-key" select="'org.language'"/>
            <xsl:with-param name="values" select="'en de'"/>
            <xsl:with-param name="prefix" select="'lang.'"/>
          </xsl:call-template>
        </div>

        <div class="prov-row">
          <xsl:call-template name="prov-text-field">
            <xsl:with-param name="name" select="'order_limit'"/>
            <xsl:with-param name="label-key" select="'org.order-limit'"/>
            <xsl:with-param name="hint-key" select="'org.limit.hint'"/>
            <xsl:with-param name="inputmode" select="'decimal'"/>
            <xsl:with-param name="maxlength" select="'20'"/>
          </xsl:call-template>
          <xsl:call-template name="prov-text-field">
            <xsl:with-param name="name" select="'monthly_limit'"/>
            <xsl:with-param name="label-key" select="'org.monthly-limit'"/>
            <xsl:with-param name="hint-key" select="'org.limit.hint'"/>
            <xsl:with-param name="inputmode" select="'decimal'"/>
            <xsl:with-param name="maxlength" select="'20'"/>
          </xsl:call-template>
        </div>

        <fieldset class="prov-fieldset">
          <legend><xsl:value-of select="pt:t('org.invoicing')"/></legend>
          <p class="field-hint"><xsl:value-of select="pt:t('org.invoicing.hint')"/></p>
          <xsl:call-template name="prov-text-field">
            <xsl:with-param name="name" select="'payment_terms'"/>
            <xsl:with-param name="label-key" select="'org.payment-terms'"/>
            <xsl:with-param name="hint-key" select="'org.payment-terms.hint'"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
            <xsl:with-param name="maxlength" select="'3'"/>
          </xsl:call-template>
          <xsl:call-template name="prov-text-field">
            <xsl:with-param name="name" select="'billing_street'"/>
            <xsl:with-param name="label-key" select="'org.billing-street'"/>
            <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'billing_street']/@chars)"/>
          </xsl:call-template>
          <xsl:call-template name="prov-text-field">
            <xsl:with-param name="name" select="'billing_street2'"/>
            <xsl:with-param name="label-key" select="'org.billing-street2'"/>
            <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'billing_street2']/@chars)"/>
          </xsl:call-template>
          <div class="prov-row">
            <xsl:call-template name="prov-text-field">
              <xsl:with-param name="name" select="'billing_postal_code'"/>
              <xsl:with-param name="label-key" select="'org.billing-postal-code'"/>
              <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'billing_postal_code']/@chars)"/>
            </xsl:call-template>
            <xsl:call-template name="prov-text-field">
              <xsl:with-param name="name" select="'billing_city'"/>
              <xsl:with-param name="label-key" select="'org.billing-city'"/>
              <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'billing_city']/@chars)"/>
            </xsl:call-template>
          </div>
          <div class="prov-row">
            <xsl:call-template name="prov-select">
              <xsl:with-param name="name" select="'billing_country'"/>
              <xsl:with-param name="label-key" select="'org.billing-country'"/>
              <xsl:with-param name="values" select="'AT CH DE FR GB IE NL US'"/>
              <xsl:with-param name="prefix" select="'orders.country.'"/>
              <xsl:with-param name="empty-key" select="'org.billing-country.none'"/>
            </xsl:call-template>
            <xsl:call-template name="prov-text-field">
              <xsl:with-param name="name" select="'vat_id'"/>
              <xsl:with-param name="label-key" select="'org.vat-id'"/>
              <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'vat_id']/@chars)"/>
            </xsl:call-template>
          </div>
        </fieldset>

        <xsl:if test="not($o/@id)">
          <fieldset class="prov-fieldset">
            <legend><xsl:value-of select="pt:t('org.admin')"/></legend>
            <p class="field-hint"><xsl:value-of select="pt:t('org.admin.hint')"/></p>
            <div class="prov-row">
              <xsl:call-template name="prov-text-field">
                <xsl:with-param name="name" select="'admin_name'"/>
                <xsl:with-param name="label-key" select="'org.admin-name'"/>
                <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'admin_name']/@chars)"/>
              </xsl:call-template>
              <xsl:call-template name="prov-text-field">
                <xsl:with-param name="name" select="'admin_email'"/>
                <xsl:with-param name="label-key" select="'org.admin-email'"/>
                <xsl:with-param name="inputmode" select="'email'"/>
                <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'admin_email']/@chars)"/>
              </xsl:call-template>
            </div>
          </fieldset>
        </xsl:if>

        <xsl:if test="not($provider)">
          <fieldset class="choice-group">
            <legend><xsl:value-of select="pt:t('org.mail-intake')"/></legend>
            <p class="field-hint" id="mail_intake-hint"><xsl:value-of select="pt:t('org.mail-intake.hint')"/></p>
            <div class="choice">
              <input type="checkbox" id="mail_intake" name="mail_intake" value="1" aria-describedby="mail_intake-hint">
                <xsl:if test="/page/form/field[@name = 'mail_intake'] = '1'">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <label for="mail_intake"><xsl:value-of select="pt:t('org.mail-intake.label')"/></label>
            </div>
          </fieldset>
        </xsl:if>

        <xsl:if test="$o/@id">
          <xsl:choose>
            <xsl:when test="$provider">
              <input type="hidden" name="status" value="active"/>
              <p class="prov-note"><xsl:value-of select="pt:t('org.provider.note')"/></p>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="prov-select">
                <xsl:with-param name="name" select="'status'"/>
                <xsl:with-param name="label-key" select="'org.status'"/>
                <xsl:with-param name="values" select="'active inactive'"/>
                <xsl:with-param name="prefix" select="'org.status.'"/>
              </xsl:call-template>
              <p class="prov-note"><xsl:value-of select="pt:t('org.deactivate.note')"/></p>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>

        <button type="submit" class="btn btn-primary">
          <xsl:choose>
            <xsl:when test="$o/@id"><xsl:value-of select="pt:t('org.save')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('org.create')"/></xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
