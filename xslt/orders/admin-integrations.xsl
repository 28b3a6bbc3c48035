<?xml version="1.0" encoding="UTF-8"?>
<!-- The integrations and their API tokens (view "admin-integrations",
     admin.integrations): a new token once, right after it was made
     (/page/or-new-token), the list (/page/or-integrations/integration) with
     revoke, and the form for a new one (/page/form[@name='integration']). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.api.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <h1><xsl:value-of select="pt:t('orders.api.title')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('orders.api.lead')"/></p>

    <xsl:if test="/page/or-new-token">
      <section class="card form-card" aria-labelledby="token-title">
        <h2 id="token-title">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.api.token.title'"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="value" select="string(/page/or-new-token/name)"/>
          </xsl:call-template>
        </h2>
        <p><xsl:value-of select="pt:t('orders.api.token.once')"/></p>
        <p><code class="or-token" id="new-token"><xsl:value-of select="/page/or-new-token/text()"/></code></p>
      </section>
    </xsl:if>

    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="integrations-caption">
      <table class="data-table">
        <caption id="integrations-caption"><xsl:value-of select="pt:t('orders.api.list')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.api.name')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.api.scopes')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.api.hint')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.api.created')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.api.last-used')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.api.state')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:if test="not(/page/or-integrations/integration)">
            <tr><td colspan="6"><xsl:value-of select="pt:t('orders.api.none')"/></td></tr>
          </xsl:if>
          <xsl:for-each select="/page/or-integrations/integration">
            <tr>
              <th scope="row"><xsl:value-of select="name"/></th>
              <td>
                <xsl:for-each select="scope">
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <code><xsl:value-of select="."/></code>
                </xsl:for-each>
              </td>
              <td class="nowrap"><code>pti_<xsl:value-of select="@hint"/>…</code></td>
              <td>
                <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="@created"/></xsl:call-template>
                <xsl:if test="string(created-by) != ''">
                  <br/><xsl:value-of select="created-by"/>
                </xsl:if>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="string(@last-used) != ''">
                    <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="@last-used"/></xsl:call-template>
                    <br/><span class="nowrap"><xsl:value-of select="@last-used-ip"/></span>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="pt:t('orders.api.never')"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="string(@revoked) != ''">
                    <span class="status-badge"><xsl:value-of select="pt:t('orders.api.revoked.badge')"/></span>
                    <br/><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="@revoked"/></xsl:call-template>
                    <xsl:if test="string(revoked-by) != ''">
                      <br/><xsl:value-of select="revoked-by"/>
                    </xsl:if>
                  </xsl:when>
                  <xsl:otherwise>
                    <form method="post" action="/orders/admin/integrations/{@id}/revoke">
                      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                      <button type="submit" class="btn btn-danger">
                        <xsl:value-of select="pt:t('orders.api.revoke')"/>
                        <span class="visually-hidden"><xsl:value-of select="concat(': ', name)"/></span>
                      </button>
                    </form>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>

    <form class="form card or-form" method="post" action="/orders/admin/integrations" novalidate="novalidate">
      <h2><xsl:value-of select="pt:t('orders.api.new')"/></h2>
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label-key" select="'orders.api.name'"/>
        <xsl:with-param name="hint-key" select="'orders.api.name.hint'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <fieldset id="scopes" class="or-fieldset" tabindex="-1">
        <legend><xsl:value-of select="pt:t('orders.api.scopes')"/></legend>
        <xsl:call-template name="or-errors"><xsl:with-param name="name" select="'scopes'"/></xsl:call-template>
        <xsl:for-each select="/page/or-integrations/scopes/scope">
          <xsl:variable name="field" select="concat('scope_', .)"/>
          <div class="choice">
            <input type="checkbox" id="{$field}" name="{$field}" value="1">
              <xsl:if test="/page/form/field[@name = $field and . = '1']"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label for="{$field}">
              <code><xsl:value-of select="."/></code>
              <xsl:text> </xsl:text>
              <xsl:value-of select="pt:t(concat('orders.api.scope.', .))"/>
            </label>
          </div>
        </xsl:for-each>
      </fieldset>
      <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.api.create')"/></button>
    </form>
  </xsl:template>

</xsl:stylesheet>
