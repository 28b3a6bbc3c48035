<?xml version="1.0" encoding="UTF-8"?>
<!-- The agents' part of the ticket page (included by ticket.xsl): the
     status after a reply, the internal note, status, assignment and the
     history. Data: ticket/agent (groups, agents, history). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:include href="ticket-desk.xsl"/>

  <!-- The "then set the ticket to" choice under an agent's reply. -->
  <xsl:template name="tk-reply-after">
    <xsl:param name="value"/>
    <xsl:call-template name="tk-canned-select"/>
    <div class="field">
      <label for="after"><xsl:value-of select="pt:t('tickets.reply.after')"/></label>
      <select id="after" name="after">
        <option value=""><xsl:value-of select="pt:t('tickets.reply.after.keep')"/></option>
        <option value="pending:customer">
          <xsl:if test="$value = 'pending:customer'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="pt:t('tickets.reply.after.pending-customer')"/>
        </option>
        <option value="pending:third_party">
          <xsl:if test="$value = 'pending:third_party'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="pt:t('tickets.reply.after.pending-third')"/>
        </option>
        <option value="resolved">
          <xsl:if test="$value = 'resolved'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
          <xsl:value-of select="pt:t('tickets.reply.after.resolved')"/>
        </option>
      </select>
    </div>
  </xsl:template>

  <xsl:template match="ticket/agent">
    <xsl:variable name="t" select=".."/>
    <xsl:variable name="note" select="/page/form[@name = 'note']"/>
    <xsl:variable name="status" select="/page/form[@name = 'status']"/>
    <xsl:variable name="assign" select="/page/form[@name = 'assign']"/>
    <section class="card tk-agent" aria-labelledby="note-title">
      <h2 id="note-title"><xsl:value-of select="pt:t('tickets.agent.note.title')"/></h2>
      <form class="form" method="post" action="{$t/@href}/note" enctype="multipart/form-data" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'note' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="note"><xsl:value-of select="pt:t('tickets.agent.note.label')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'note'"/></xsl:call-template>
          <textarea id="note" name="note" rows="4">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'body'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'note'"/></xsl:call-template>
            <xsl:value-of select="$note/field[@name = 'note']"/>
          </textarea>
        </div>
        <div class="field">
          <label for="note-file"><xsl:value-of select="pt:t('tickets.reply.files')"/></label>
          <input type="file" id="note-file" name="file" multiple="multiple"
              accept="application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain"/>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.agent.note.submit')"/></button>
      </form>
    </section>

    <section class="card tk-agent" aria-labelledby="status-title">
      <h2 id="status-title"><xsl:value-of select="pt:t('tickets.agent.status.title')"/></h2>
      <form class="form" method="post" action="{$t/@href}/status" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'status' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="status"><xsl:value-of select="pt:t('tickets.agent.status.label')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'status'"/></xsl:call-template>
          <select id="status" name="status">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'status'"/></xsl:call-template>
            <xsl:for-each select="str:split('new open pending resolved closed', ' ')">
              <option value="{.}">
                <xsl:if test="($status and . = $status/field[@name = 'status']) or (not($status) and . = $t/@status)">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="pt:t(concat('tickets.status.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'reason' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="reason"><xsl:value-of select="pt:t('tickets.agent.status.reason')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'reason'"/></xsl:call-template>
          <select id="reason" name="reason">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'reason'"/></xsl:call-template>
            <option value=""><xsl:value-of select="pt:t('tickets.agent.status.reason.none')"/></option>
            <xsl:for-each select="str:split('customer third_party', ' ')">
              <option value="{.}">
                <xsl:if test="($status and . = $status/field[@name = 'reason']) or (not($status) and . = $t/@pending-reason)">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="pt:t(concat('tickets.pending.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.agent.status.submit')"/></button>
      </form>
    </section>

    <section class="card tk-agent" aria-labelledby="assign-title">
      <h2 id="assign-title"><xsl:value-of select="pt:t('tickets.agent.assign.title')"/></h2>
      <form class="form" method="post" action="{$t/@href}/assign" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'group' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="group"><xsl:value-of select="pt:t('tickets.agent.assign.group')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'group'"/></xsl:call-template>
          <select id="group" name="group">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'group'"/></xsl:call-template>
            <option value=""><xsl:value-of select="pt:t('tickets.agent.assign.nobody')"/></option>
            <xsl:for-each select="groups/group">
              <option value="{@id}">
                <xsl:if test="($assign and @id = $assign/field[@name = 'group']) or (not($assign) and @id = $t/group/@id)">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'assignee' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="assignee"><xsl:value-of select="pt:t('tickets.agent.assign.agent')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'assignee'"/></xsl:call-template>
          <select id="assignee" name="assignee">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'assignee'"/></xsl:call-template>
            <option value=""><xsl:value-of select="pt:t('tickets.agent.assign.nobody')"/></option>
            <xsl:for-each select="agents/person">
              <option value="{@id}">
                <xsl:if test="($assign and @id = $assign/field[@name = 'assignee']) or (not($assign) and @id = $t/assignee/@id)">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.agent.assign.submit')"/></button>
      </form>
    </section>

    <xsl:variable name="parent-form" select="/page/form[@name = 'parent']"/>
    <xsl:variable name="related-form" select="/page/form[@name = 'related']"/>
    <section class="card tk-agent" aria-labelledby="links-title">
      <h2 id="links-title"><xsl:value-of select="pt:t('tickets.links.title')"/></h2>
      <xsl:if test="links/child">
        <h3><xsl:value-of select="pt:t('tickets.links.children')"/></h3>
        <ul class="tk-links">
          <xsl:for-each select="links/child">
            <li><a href="/tickets/{@number}"><xsl:value-of select="@number"/></a><xsl:text> </xsl:text><xsl:value-of select="subject"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="links/related">
        <h3><xsl:value-of select="pt:t('tickets.links.related')"/></h3>
        <ul class="tk-people tk-links">
          <xsl:for-each select="links/related">
            <li>
              <span><a href="/tickets/{@number}"><xsl:value-of select="@number"/></a><xsl:text> </xsl:text><xsl:value-of select="subject"/></span>
              <form class="inline-form" method="post" action="{$t/@href}/related/remove">
                <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                <input type="hidden" name="number" value="{@number}"/>
                <button type="submit" class="btn btn-secondary btn-small">
                  <xsl:attribute name="aria-label">
                    <xsl:call-template name="tk-fill">
                      <xsl:with-param name="key" select="'tickets.links.related.remove'"/>
                      <xsl:with-param name="name" select="'number'"/>
                      <xsl:with-param name="value" select="string(@number)"/>
                    </xsl:call-template>
                  </xsl:attribute>
                  <xsl:value-of select="pt:t('tickets.cc.remove-short')"/>
                </button>
              </form>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <form class="form" method="post" action="{$t/@href}/parent" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="$parent-form and /page/messages/message[@field = 'number' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="parent-number"><xsl:value-of select="pt:t('tickets.links.parent.label')"/></label>
          <p class="hint" id="parent-number-help"><xsl:value-of select="pt:t('tickets.links.parent.help')"/></p>
          <xsl:if test="$parent-form">
            <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'number'"/></xsl:call-template>
          </xsl:if>
          <input type="text" id="parent-number" name="number" aria-describedby="parent-number-help" autocomplete="off">
            <xsl:attribute name="value">
              <xsl:choose>
                <xsl:when test="$parent-form"><xsl:value-of select="$parent-form/field[@name = 'number']"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$t/parent/@number"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </input>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.links.parent.submit')"/></button>
      </form>
      <form class="form" method="post" action="{$t/@href}/related" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="$related-form and /page/messages/message[@field = 'number' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="related-number"><xsl:value-of select="pt:t('tickets.links.related.label')"/></label>
          <xsl:if test="$related-form">
            <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'number'"/></xsl:call-template>
          </xsl:if>
          <input type="text" id="related-number" name="number" value="{$related-form/field[@name = 'number']}" autocomplete="off"/>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.links.related.add')"/></button>
      </form>
    </section>

    <xsl:apply-templates select="." mode="tk-desk"/>

    <section class="card tk-agent tk-history" aria-labelledby="history-title">
      <h2 id="history-title"><xsl:value-of select="pt:t('tickets.agent.history')"/></h2>
      <xsl:choose>
        <xsl:when test="history/change">
          <ol class="tk-changes">
            <xsl:for-each select="history/change">
              <li>
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string(@at)"/>
                  <xsl:with-param name="style" select="'relative'"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <strong><xsl:value-of select="pt:t(concat('tickets.history.', @field))"/></strong>
                <xsl:if test="@field != 'reply' and @field != 'note' and @field != 'child'">
                  <xsl:text>: </xsl:text>
                  <xsl:call-template name="tk-history-value"><xsl:with-param name="change" select="."/><xsl:with-param name="v" select="old"/></xsl:call-template>
                  <xsl:text> → </xsl:text>
                  <xsl:call-template name="tk-history-value"><xsl:with-param name="change" select="."/><xsl:with-param name="v" select="new"/></xsl:call-template>
                </xsl:if>
                <xsl:if test="by">
                  <xsl:text> </xsl:text>
                  <span class="tk-by">
                    <xsl:call-template name="tk-fill">
                      <xsl:with-param name="key" select="'tickets.agent.history.by'"/>
                      <xsl:with-param name="name" select="'name'"/>
                      <xsl:with-param name="value" select="string(by)"/>
                    </xsl:call-template>
                  </span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('tickets.agent.history.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- A history value in words: a status, a reason, a group or agent by name. -->
  <xsl:template name="tk-history-value">
    <xsl:param name="change"/>
    <xsl:param name="v"/>
    <xsl:variable name="agent" select="$change/ancestor::agent"/>
    <xsl:choose>
      <xsl:when test="not($v)"><xsl:value-of select="pt:t('tickets.history.empty')"/></xsl:when>
      <xsl:when test="$change/@field = 'status'"><xsl:value-of select="pt:t(concat('tickets.status.', $v))"/></xsl:when>
      <xsl:when test="$change/@field = 'pending_reason'"><xsl:value-of select="pt:t(concat('tickets.pending.', $v))"/></xsl:when>
      <xsl:when test="$change/@field = 'priority'"><xsl:value-of select="pt:t(concat('tickets.priority.', $v))"/></xsl:when>
      <xsl:when test="starts-with($change/@field, 'sla_')"><xsl:value-of select="pt:t(concat('sla.history.', $v))"/></xsl:when>
      <xsl:when test="$change/@field = 'group' and $agent/groups/group[@id = $v]"><xsl:value-of select="$agent/groups/group[@id = $v]"/></xsl:when>
      <xsl:when test="$change/@field = 'assignee' and $agent/agents/person[@id = $v]"><xsl:value-of select="$agent/agents/person[@id = $v]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
