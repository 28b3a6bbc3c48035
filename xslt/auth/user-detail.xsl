<?xml version="1.0" encoding="UTF-8"?>
<!-- One user (view "user-detail"): facts, effective budget limits (from the
     runtime's pt_budget_of_user), roles form, status and invitation
     actions. Posts go to {base}/{id}/roles|status|invite. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="users-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="user-detail/user/name"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="d" select="user-detail"/>
    <xsl:variable name="u" select="$d/user"/>
    <xsl:variable name="action" select="concat($d/@base, '/', $u/@id)"/>
    <p class="back-link"><a href="{$d/@base}"><xsl:value-of select="pt:t('users.back')"/></a></p>
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="$u/name"/></h1>
        <p class="lead"><xsl:value-of select="$u/email"/></p>
      </div>
    </div>

    <div class="admin-grid">
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title"><xsl:value-of select="pt:t('users.details')"/></h2>
        <dl class="facts facts-stacked">
          <div>
            <dt><xsl:value-of select="pt:t('users.org')"/></dt>
            <dd><xsl:value-of select="$u/org"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('users.status')"/></dt>
            <dd>
              <xsl:call-template name="users-status">
                <xsl:with-param name="status" select="string($u/@status)"/>
              </xsl:call-template>
            </dd>
          </div>
          <xsl:if test="$u/phone">
            <div>
              <dt><xsl:value-of select="pt:t('users.phone')"/></dt>
              <dd><xsl:value-of select="$u/phone"/></dd>
            </div>
          </xsl:if>
          <div>
            <dt><xsl:value-of select="pt:t('users.last-login')"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="string($u/@last-login) != ''">
                  <xsl:call-template name="pt-datetime">
                    <xsl:with-param name="iso" select="string($u/@last-login)"/>
                    <xsl:with-param name="style" select="'relative'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t('users.never')"/></xsl:otherwise>
              </xsl:choose>
            </dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('users.created')"/></dt>
            <dd>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string($u/@created)"/>
              </xsl:call-template>
            </dd>
          </div>
          <xsl:if test="$d/invitation">
            <div>
              <dt><xsl:value-of select="pt:t('users.invitation.expires')"/></dt>
              <dd>
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string($d/invitation/@expires)"/>
                </xsl:call-template>
              </dd>
            </div>
          </xsl:if>
        </dl>
      </section>

      <section class="card" aria-labelledby="budget-title">
        <h2 id="budget-title"><xsl:value-of select="pt:t('users.budget')"/></h2>
        <p class="hint"><xsl:value-of select="pt:t('users.budget.hint')"/></p>
        <dl class="facts facts-stacked budget-facts">
          <div>
            <dt><xsl:value-of select="pt:t('budgets.per-order')"/></dt>
            <dd class="amount" data-limit="order">
              <xsl:call-template name="users-money">
                <xsl:with-param name="minor" select="string($d/budget/@order)"/>
                <xsl:with-param name="currency" select="string($d/budget/@currency)"/>
              </xsl:call-template>
            </dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('budgets.per-month')"/></dt>
            <dd class="amount" data-limit="month">
              <xsl:call-template name="users-money">
                <xsl:with-param name="minor" select="string($d/budget/@month)"/>
                <xsl:with-param name="currency" select="string($d/budget/@currency)"/>
              </xsl:call-template>
            </dd>
          </div>
        </dl>
      </section>
    </div>

    <section class="card" aria-labelledby="roles-title">
      <h2 id="roles-title"><xsl:value-of select="pt:t('users.roles')"/></h2>
      <xsl:choose>
        <xsl:when test="$u/@status = 'deleted'">
          <p><xsl:value-of select="pt:t('users.deleted')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <form class="form" method="post" action="{$action}/roles" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <xsl:call-template name="users-role-boxes">
              <xsl:with-param name="roles" select="$d/roles"/>
              <xsl:with-param name="legend-key" select="'users.roles.legend'"/>
            </xsl:call-template>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('users.roles.save')"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <xsl:if test="$u/@status != 'deleted'">
      <section class="card" aria-labelledby="access-title">
        <h2 id="access-title"><xsl:value-of select="pt:t('users.access')"/></h2>
        <xsl:call-template name="pt-field-errors">
          <xsl:with-param name="field" select="'status'"/>
        </xsl:call-template>
        <xsl:if test="$u/@status = 'invited'">
          <form class="form inline-form" method="post" action="{$action}/invite">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <p><xsl:value-of select="pt:t('users.invite.pending')"/></p>
            <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('users.invite.resend')"/></button>
          </form>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$d/@self = '1'">
            <p id="status" tabindex="-1"><xsl:value-of select="pt:t('users.status.self')"/></p>
          </xsl:when>
          <xsl:when test="$u/@status = 'inactive'">
            <form class="form inline-form" method="post" action="{$action}/status">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <input type="hidden" name="status" value="active"/>
              <p><xsl:value-of select="pt:t('users.reactivate.hint')"/></p>
              <button type="submit" id="status" class="btn btn-secondary"><xsl:value-of select="pt:t('users.reactivate')"/></button>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <form class="form inline-form" method="post" action="{$action}/status">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <input type="hidden" name="status" value="inactive"/>
              <p><xsl:value-of select="pt:t('users.deactivate.hint')"/></p>
              <button type="submit" id="status" class="btn btn-danger"><xsl:value-of select="pt:t('users.deactivate')"/></button>
            </form>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
