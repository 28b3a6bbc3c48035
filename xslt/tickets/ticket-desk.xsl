<?xml version="1.0" encoding="UTF-8"?>
<!-- The desk's part of the ticket page (included by ticket-agent.xsl):
     who else has the ticket open, the requester's and organisation's
     context, canned responses in the reply form, time spent, the merge
     form, and per answer its knowledge base draft. Data:
     ticket/agent/(viewers|context|canned|time|drafts). Customers
     get none of it (there is no agent element for them); what they do get
     from here is the conversation's bodies (mode tk-body), with the
     system lines of a merge said in their language. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:include href="ticket-viewers.xsl"/>

  <!-- ================= every reader ===================================== -->

  <!-- A message's body. A merge's system line is stored as
       "merged-into:<number>" or "merged-from:<number>" and said here. -->
  <xsl:template match="message/body" mode="tk-body">
    <xsl:variable name="kind" select="substring-before(string(.), ':')"/>
    <xsl:variable name="number" select="substring-after(string(.), ':')"/>
    <xsl:choose>
      <xsl:when test="../@kind = 'system' and ($kind = 'merged-into' or $kind = 'merged-from')">
        <p class="tk-body">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t(concat('tickets.system.', $kind))"/>
            <xsl:with-param name="name" select="'number'"/>
            <xsl:with-param name="value"><a href="/tickets/{$number}"><xsl:value-of select="$number"/></a></xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <div class="tk-body"><xsl:value-of select="."/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Under an answer, for agents: its knowledge base draft, or the link
       that makes one. -->
  <xsl:template match="message" mode="tk-desk-message">
    <xsl:variable name="agent" select="ancestor::ticket/agent"/>
    <xsl:variable name="draft" select="$agent/drafts/draft[@message = current()/@id]"/>
    <xsl:if test="$agent and @kind = 'public'">
      <p class="tk-message-actions">
        <xsl:choose>
          <xsl:when test="$draft">
            <span class="tk-draft-done">
              <xsl:value-of select="pt:t('tickets.kb-draft.made')"/>
              <xsl:text> </xsl:text>
              <xsl:choose>
                <xsl:when test="$draft/@href"><a href="{$draft/@href}"><xsl:value-of select="$draft"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="$draft"/></xsl:otherwise>
              </xsl:choose>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="pt:t(concat('tickets.kb-draft.status.', $draft/@status))"/>
              <xsl:text>)</xsl:text>
            </span>
          </xsl:when>
          <xsl:when test="author/@staff = '1'">
            <a href="{ancestor::ticket/@href}/kb-draft?message={@id}">
              <xsl:value-of select="pt:t('tickets.kb-draft.make')"/>
            </a>
          </xsl:when>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- ================= agents ========================================== -->

  <!-- "Anna is also viewing this ticket": the other agents who had it open
       lately. The script refreshes it from @href (the view "viewers"). -->
  <xsl:template match="agent/viewers">
    <div class="tk-viewers" data-href="{@href}" aria-live="polite">
      <xsl:call-template name="tk-viewers-text"/>
    </div>
  </xsl:template>

  <!-- Who asks, for which organisation: tier, open tickets (counted up
       to a cap: @open-more says there are more) and the list of them. -->
  <xsl:template match="agent/context">
    <section class="card tk-context" aria-labelledby="context-title">
      <h2 id="context-title"><xsl:value-of select="pt:t('tickets.context.title')"/></h2>
      <dl class="facts facts-stacked">
        <div>
          <dt><xsl:value-of select="pt:t('tickets.context.requester')"/></dt>
          <dd>
            <span class="tk-person"><xsl:value-of select="requester"/></span><br/>
            <a class="cell-email" href="mailto:{requester/@email}"><xsl:value-of select="requester/@email"/></a><br/>
            <span class="hint">
              <xsl:value-of select="pt:t(concat('lang.', requester/@lang))"/>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key">
                  <xsl:choose>
                    <xsl:when test="requester/@open-more = '1'">tickets.context.open-more</xsl:when>
                    <xsl:otherwise>tickets.context.open</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string(requester/@open)"/>
              </xsl:call-template>
            </span>
          </dd>
        </div>
        <div>
          <dt><xsl:value-of select="pt:t('tickets.context.org')"/></dt>
          <dd>
            <span class="tk-person"><xsl:value-of select="org"/></span>
            <xsl:if test="string(org/@tier) != ''">
              <xsl:text> </xsl:text>
              <span class="status-badge tk-tier">
                <xsl:call-template name="tk-fill">
                  <xsl:with-param name="key" select="'tickets.context.tier'"/>
                  <xsl:with-param name="name" select="'tier'"/>
                  <xsl:with-param name="value" select="string(org/@tier)"/>
                </xsl:call-template>
              </span>
            </xsl:if>
            <br/>
            <a href="{org/@href}">
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key">
                  <xsl:choose>
                    <xsl:when test="org/@open-more = '1'">tickets.context.org-open-more</xsl:when>
                    <xsl:otherwise>tickets.context.org-open</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string(org/@open)"/>
              </xsl:call-template>
            </a>
          </dd>
        </div>
        <xsl:call-template name="tk-context-contracts"/>
      </dl>
    </section>
  </xsl:template>

  <!-- The organisation's contracts: the orders worker adds them to
       ticket/agent/context (contracts/contract) once it keeps contracts;
       until then there is nothing to show and nothing is shown. -->
  <xsl:template name="tk-context-contracts">
    <xsl:if test="contracts/contract">
      <div>
        <dt><xsl:value-of select="pt:t('tickets.context.contracts')"/></dt>
        <dd>
          <ul class="tk-plain-list">
            <xsl:for-each select="contracts/contract">
              <li><a href="{@href}"><xsl:value-of select="."/></a></li>
            </xsl:for-each>
          </ul>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The canned responses in an agent's reply form: a choice and "Insert"
       (posted to /canned without script; the script fills the reply
       from the option's data-body instead). -->
  <xsl:template name="tk-canned-select">
    <xsl:variable name="c" select="$t/agent/canned"/>
    <xsl:variable name="v" select="/page/form[@name = 'reply']"/>
    <xsl:if test="$c/response">
      <div class="field tk-canned">
        <xsl:if test="/page/messages/message[@field = 'canned' and @kind = 'error']"><xsl:attribute name="class">field tk-canned has-error</xsl:attribute></xsl:if>
        <label for="canned"><xsl:value-of select="pt:t('tickets.canned.label')"/></label>
        <p class="hint" id="canned-help"><xsl:value-of select="pt:t('tickets.canned.help')"/></p>
        <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'canned'"/></xsl:call-template>
        <div class="tk-canned-row">
          <select id="canned" name="canned" aria-describedby="canned-help">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'canned'"/></xsl:call-template>
            <option value=""><xsl:value-of select="pt:t('tickets.canned.none')"/></option>
            <xsl:for-each select="$c/response">
              <option value="{@id}" data-body="{.}">
                <xsl:if test="@id = $v/field[@name = 'canned']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="@name"/>
                <xsl:if test="@lang != $c/@lang">
                  <xsl:value-of select="concat(' (', pt:t(concat('lang.', @lang)), ')')"/>
                </xsl:if>
              </option>
            </xsl:for-each>
          </select>
          <button type="submit" class="btn btn-secondary" formaction="{$t/@href}/canned" formenctype="multipart/form-data" name="insert" value="1">
            <xsl:value-of select="pt:t('tickets.canned.insert')"/>
          </button>
        </div>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Minutes as "1 h 05 min" / "45 min". -->
  <xsl:template name="tk-minutes">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="$m &gt;= 60">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="tk-fill">
              <xsl:with-param name="key" select="'tickets.time.hm'"/>
              <xsl:with-param name="name" select="'h'"/>
              <xsl:with-param name="value" select="floor($m div 60)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'m'"/>
          <xsl:with-param name="value" select="format-number($m mod 60, '00')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk-fill">
          <xsl:with-param name="key" select="'tickets.time.m'"/>
          <xsl:with-param name="name" select="'m'"/>
          <xsl:with-param name="value" select="string($m)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The desk's cards in the agents' column: time spent, merge. -->
  <xsl:template match="ticket/agent" mode="tk-desk">
    <xsl:variable name="t" select=".."/>
    <xsl:variable name="tf" select="/page/form[@name = 'time']"/>
    <xsl:variable name="mf" select="/page/form[@name = 'merge']"/>

    <section class="card tk-agent tk-time" aria-labelledby="time-title">
      <h2 id="time-title"><xsl:value-of select="pt:t('tickets.time.title')"/></h2>
      <p class="tk-time-total">
        <xsl:value-of select="pt:t('tickets.time.total')"/>
        <xsl:text> </xsl:text>
        <strong><xsl:call-template name="tk-minutes"><xsl:with-param name="m" select="number(time/@total)"/></xsl:call-template></strong>
      </p>
      <xsl:if test="time/entry">
        <ul class="tk-plain-list tk-time-entries">
          <xsl:for-each select="time/entry">
            <li>
              <strong><xsl:call-template name="tk-minutes"><xsl:with-param name="m" select="number(@minutes)"/></xsl:call-template></strong>
              <xsl:text> · </xsl:text>
              <xsl:value-of select="by"/>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string(@at)"/>
                <xsl:with-param name="style" select="'relative'"/>
              </xsl:call-template>
              <xsl:if test="string(note) != ''">
                <br/><span class="tk-time-note"><xsl:value-of select="note"/></span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <form class="form" method="post" action="{$t/@href}/time" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'minutes' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="minutes"><xsl:value-of select="pt:t('tickets.time.minutes')"/></label>
          <p class="hint" id="minutes-help"><xsl:value-of select="pt:t('tickets.time.minutes.help')"/></p>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'minutes'"/></xsl:call-template>
          <input type="text" id="minutes" name="minutes" inputmode="numeric" size="6" aria-describedby="minutes-help" value="{$tf/field[@name = 'minutes']}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'minutes'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'minutes'"/></xsl:call-template>
          </input>
        </div>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'time-note' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="time-note"><xsl:value-of select="pt:t('tickets.time.note')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'time-note'"/></xsl:call-template>
          <input type="text" id="time-note" name="time-note" value="{$tf/field[@name = 'time-note']}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'time-note'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'time-note'"/></xsl:call-template>
          </input>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.time.submit')"/></button>
      </form>
    </section>

    <xsl:if test="not($t/merged-into)">
      <section class="card tk-agent tk-merge" aria-labelledby="merge-title">
        <h2 id="merge-title"><xsl:value-of select="pt:t('tickets.merge.title')"/></h2>
        <p class="hint" id="into-help"><xsl:value-of select="pt:t('tickets.merge.help')"/></p>
        <form class="form" method="post" action="{$t/@href}/merge" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <div class="field">
            <xsl:if test="/page/messages/message[@field = 'into' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <label for="into"><xsl:value-of select="pt:t('tickets.merge.into')"/></label>
            <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'into'"/></xsl:call-template>
            <input type="text" id="into" name="into" autocomplete="off" aria-describedby="into-help" value="{$mf/field[@name = 'into']}">
              <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'number'"/></xsl:call-template>
              <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'into'"/></xsl:call-template>
            </input>
          </div>
          <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.merge.submit')"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
