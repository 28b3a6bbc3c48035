<?xml version="1.0" encoding="UTF-8"?>
<!-- Account page (view "account"): profile, password, email address,
     sessions, personal data. Data: /page/account (profile, time-zones,
     sessions); after a 422 /page/form[@name='profile'|'email'] holds what
     was typed and wins over the stored profile. Field ids are the field
     names, so the error summary's links land on the input. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/account.css"/>
  </xsl:template>

  <xsl:variable name="acct" select="/page/account"/>
  <xsl:variable name="echo" select="/page/form[@name = 'profile']"/>

  <!-- A profile value: the typed one after a 422, else the stored one. -->
  <xsl:template name="acct-value">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$echo"><xsl:value-of select="$echo/field[@name = $name]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$acct/profile/*[local-name() = $name]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A labelled input with its errors and an optional hint. -->
  <xsl:template name="acct-input">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="autocomplete" select="'off'"/>
    <xsl:param name="hint-key" select="''"/>
    <div class="field">
      <xsl:if test="/page/messages/message[@field = $name]">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:if test="$hint-key != ''">
        <p class="field-hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="pt-field-errors">
        <xsl:with-param name="field" select="$name"/>
      </xsl:call-template>
      <input id="{$name}" name="{$name}" type="{$type}" autocomplete="{$autocomplete}">
        <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        <xsl:if test="$type != 'password'">
          <xsl:attribute name="value"><xsl:value-of select="$value"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$hint-key != ''">
          <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-hint')"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="/page/messages/message[@field = $name]">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">
            <xsl:value-of select="concat($name, '-error')"/>
            <xsl:if test="$hint-key != ''"><xsl:value-of select="concat(' ', $name, '-hint')"/></xsl:if>
          </xsl:attribute>
        </xsl:if>
      </input>
    </div>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="account">
      <header class="account-head">
        <h1><xsl:value-of select="pt:t('account.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('account.intro')"/></p>
      </header>

      <xsl:if test="string($acct/@deletion-requested) != ''">
        <div class="alert alert-info" role="status">
          <p>
            <xsl:value-of select="pt:t('account.delete.pending')"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="pt-datetime">
              <xsl:with-param name="iso" select="string($acct/@deletion-requested)"/>
            </xsl:call-template>
          </p>
        </div>
      </xsl:if>

      <section class="card account-section" aria-labelledby="profile-title">
        <h2 id="profile-title"><xsl:value-of select="pt:t('account.profile')"/></h2>
        <form class="form" method="post" action="/auth/account/profile" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="label-key" select="'account.name'"/>
            <xsl:with-param name="autocomplete" select="'name'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="acct-value"><xsl:with-param name="name" select="'name'"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'phone'"/>
            <xsl:with-param name="label-key" select="'account.phone'"/>
            <xsl:with-param name="type" select="'tel'"/>
            <xsl:with-param name="autocomplete" select="'tel'"/>
            <xsl:with-param name="hint-key" select="'account.phone.hint'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="acct-value"><xsl:with-param name="name" select="'phone'"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>

          <xsl:variable name="lang">
            <xsl:call-template name="acct-value"><xsl:with-param name="name" select="'language'"/></xsl:call-template>
          </xsl:variable>
          <div class="field">
            <xsl:if test="/page/messages/message[@field = 'language']">
              <xsl:attribute name="class">field has-error</xsl:attribute>
            </xsl:if>
            <label for="language"><xsl:value-of select="pt:t('account.language')"/></label>
            <xsl:call-template name="pt-field-errors">
              <xsl:with-param name="field" select="'language'"/>
            </xsl:call-template>
            <select id="language" name="language">
              <xsl:call-template name="pt-field-aria">
                <xsl:with-param name="field" select="'language'"/>
              </xsl:call-template>
              <xsl:for-each select="/page/languages/language">
                <option value="{@code}" lang="{@code}">
                  <xsl:if test="@code = $lang"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="pt:t(concat('lang.', @code))"/>
                </option>
              </xsl:for-each>
            </select>
          </div>

          <xsl:variable name="tz">
            <xsl:call-template name="acct-value"><xsl:with-param name="name" select="'time_zone'"/></xsl:call-template>
          </xsl:variable>
          <div class="field">
            <xsl:if test="/page/messages/message[@field = 'time_zone']">
              <xsl:attribute name="class">field has-error</xsl:attribute>
            </xsl:if>
            <label for="time_zone"><xsl:value-of select="pt:t('account.time-zone')"/></label>
            <xsl:call-template name="pt-field-errors">
              <xsl:with-param name="field" select="'time_zone'"/>
            </xsl:call-template>
            <select id="time_zone" name="time_zone">
              <xsl:call-template name="pt-field-aria">
                <xsl:with-param name="field" select="'time_zone'"/>
              </xsl:call-template>
              <xsl:for-each select="$acct/time-zones/zone">
                <option value="{.}">
                  <xsl:if test=". = $tz"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="translate(., '_', ' ')"/>
                </option>
              </xsl:for-each>
            </select>
          </div>

          <fieldset class="field checks">
            <legend><xsl:value-of select="pt:t('account.notify')"/></legend>
            <xsl:call-template name="acct-check"><xsl:with-param name="name" select="'notify_tickets'"/></xsl:call-template>
            <xsl:call-template name="acct-check"><xsl:with-param name="name" select="'notify_orders'"/></xsl:call-template>
            <xsl:call-template name="acct-check"><xsl:with-param name="name" select="'notify_news'"/></xsl:call-template>
          </fieldset>

          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('account.profile.submit')"/></button>
        </form>
      </section>

      <section class="card account-section" aria-labelledby="password-title">
        <h2 id="password-title"><xsl:value-of select="pt:t('account.password')"/></h2>
        <p><xsl:value-of select="pt:t('account.password.intro')"/></p>
        <form class="form" method="post" action="/auth/account/password" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <!-- For password managers: whose password this is. -->
          <input type="hidden" name="username" autocomplete="username" value="{$acct/profile/email}"/>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'current_password'"/>
            <xsl:with-param name="label-key" select="'account.current-password'"/>
            <xsl:with-param name="type" select="'password'"/>
            <xsl:with-param name="autocomplete" select="'current-password'"/>
          </xsl:call-template>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'password'"/>
            <xsl:with-param name="label-key" select="'account.new-password'"/>
            <xsl:with-param name="type" select="'password'"/>
            <xsl:with-param name="autocomplete" select="'new-password'"/>
            <xsl:with-param name="hint-key" select="'password.rule'"/>
          </xsl:call-template>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'password2'"/>
            <xsl:with-param name="label-key" select="'account.new-password2'"/>
            <xsl:with-param name="type" select="'password'"/>
            <xsl:with-param name="autocomplete" select="'new-password'"/>
          </xsl:call-template>
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('account.password.submit')"/></button>
        </form>
      </section>

      <section class="card account-section" aria-labelledby="email-title">
        <h2 id="email-title"><xsl:value-of select="pt:t('account.email')"/></h2>
        <dl class="facts">
          <div>
            <dt><xsl:value-of select="pt:t('account.email.current')"/></dt>
            <dd><xsl:value-of select="$acct/profile/email"/></dd>
          </div>
        </dl>
        <p><xsl:value-of select="pt:t('account.email.intro')"/></p>
        <form class="form" method="post" action="/auth/account/email" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'new_email'"/>
            <xsl:with-param name="label-key" select="'account.email.new'"/>
            <xsl:with-param name="type" select="'email'"/>
            <xsl:with-param name="autocomplete" select="'email'"/>
            <xsl:with-param name="value" select="string(/page/form[@name = 'email']/field[@name = 'new_email'])"/>
          </xsl:call-template>
          <xsl:call-template name="acct-input">
            <xsl:with-param name="name" select="'email_password'"/>
            <xsl:with-param name="label-key" select="'account.current-password'"/>
            <xsl:with-param name="type" select="'password'"/>
            <xsl:with-param name="autocomplete" select="'current-password'"/>
          </xsl:call-template>
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('account.email.submit')"/></button>
        </form>
      </section>

      <section class="card account-section" aria-labelledby="sessions-title">
        <h2 id="sessions-title"><xsl:value-of select="pt:t('account.sessions')"/></h2>
        <p><xsl:value-of select="pt:t('account.sessions.intro')"/></p>
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="sessions-caption">
        <table class="data-table sessions">
          <caption id="sessions-caption" class="visually-hidden"><xsl:value-of select="pt:t('account.sessions')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('account.sessions.created')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('account.sessions.last-seen')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('account.sessions.ip')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('account.sessions.agent')"/></th>
              <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('account.sessions.action')"/></span></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$acct/sessions/session">
              <tr>
                <xsl:if test="@current = '1'"><xsl:attribute name="class">is-current</xsl:attribute></xsl:if>
                <td>
                  <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@created)"/><xsl:with-param name="style" select="'relative'"/></xsl:call-template>
                </td>
                <td>
                  <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@last-seen)"/><xsl:with-param name="style" select="'relative'"/></xsl:call-template>
                </td>
                <td><xsl:value-of select="@ip"/></td>
                <td class="agent"><xsl:value-of select="user-agent"/></td>
                <td class="action">
                  <xsl:choose>
                    <xsl:when test="@current = '1'">
                      <span class="badge"><xsl:value-of select="pt:t('account.sessions.this')"/></span>
                    </xsl:when>
                    <xsl:otherwise>
                      <form method="post" action="/auth/account/sessions/{@id}/revoke">
                        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                        <button type="submit" class="btn btn-secondary">
                          <xsl:value-of select="pt:t('account.sessions.revoke')"/>
                          <span class="visually-hidden">
                            <xsl:text> (</xsl:text>
                            <xsl:value-of select="@ip"/>
                            <xsl:text>, </xsl:text>
                            <xsl:value-of select="pt:time(string(@created), 'datetime')"/>
                            <xsl:text>)</xsl:text>
                          </span>
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
      </section>

      <section class="card account-section" aria-labelledby="data-title">
        <h2 id="data-title"><xsl:value-of select="pt:t('account.data')"/></h2>
        <p><xsl:value-of select="pt:t('account.data.intro')"/></p>
        <ul class="account-links">
          <li><a href="/auth/account/data.xml" download="portico-personal-data.xml"><xsl:value-of select="pt:t('account.data.xml')"/></a></li>
          <li><a href="/auth/account/data.json" download="portico-personal-data.json"><xsl:value-of select="pt:t('account.data.json')"/></a></li>
          <li><a href="/auth/account/delete-request"><xsl:value-of select="pt:t('account.delete.link')"/></a></li>
        </ul>
      </section>
    </div>
  </xsl:template>

  <!-- A notification checkbox: checked when the (typed or stored) value is 1. -->
  <xsl:template name="acct-check">
    <xsl:param name="name"/>
    <xsl:variable name="v">
      <xsl:call-template name="acct-value"><xsl:with-param name="name" select="$name"/></xsl:call-template>
    </xsl:variable>
    <div class="check">
      <input type="checkbox" id="{$name}" name="{$name}" value="1">
        <xsl:if test="$v = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label for="{$name}"><xsl:value-of select="pt:t(concat('account.', $name))"/></label>
    </div>
  </xsl:template>

</xsl:stylesheet>
