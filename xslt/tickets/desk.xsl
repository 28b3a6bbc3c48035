<?xml version="1.0" encoding="UTF-8"?>
<!-- The agent desk (view "desk"): the views as tabs with their counts,
     the filters, the table of tickets in the desk's order (next due,
     priority, age) with a box to tick in each row, the bulk change of the
     tickets ticked (assign, status, priority: one form, a button each),
     the outcome of the last one, and the pager. Data: /page/desk
     (cgi-bin-src/tickets/desk.c), /page/bulk-result and, after a refused
     change, /page/form[@name='bulk'] (desk-bulk.c). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="desk-common.xsl"/>

  <xsl:variable name="d" select="/page/desk"/>
  <xsl:variable name="bulk" select="/page/form[@name = 'bulk']"/>
  <xsl:variable name="result" select="/page/bulk-result"/>
  <!-- Each row's "Select ticket {number}", looked up once. -->
  <xsl:variable name="pick" select="pt:t('tickets.bulk.pick')"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('tickets.desk.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.desk.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t(concat('tickets.desk.lead.', $d/@view))"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-secondary" href="/tickets/queue"><xsl:value-of select="pt:t('tickets.desk.search-all')"/></a>
        <a class="btn btn-secondary" href="/tickets/canned"><xsl:value-of select="pt:t('tickets.canned.title')"/></a>
      </p>
    </div>

    <nav class="tk-tabs tk-desk-tabs" aria-label="{pt:t('tickets.desk.views')}">
      <ul>
        <xsl:for-each select="$d/views/view">
          <li>
            <a href="{@href}">
              <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tickets.desk.view.', @name))"/>
              <xsl:text> </xsl:text>
              <span class="count-pill">
                <xsl:value-of select="@count"/>
                <xsl:if test="@more">+</xsl:if>
              </span>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>

    <xsl:if test="$d/@view = 'groups' and $d/@groups = 0">
      <p class="hint"><xsl:value-of select="pt:t('tickets.desk.no-groups')"/></p>
    </xsl:if>
    <xsl:if test="$d/@view = 'unassigned' and $d/@groups = 0">
      <p class="hint"><xsl:value-of select="pt:t('tickets.desk.unassigned.all')"/></p>
    </xsl:if>

    <xsl:call-template name="desk-filters"/>
    <xsl:apply-templates select="$result"/>

    <xsl:choose>
      <xsl:when test="$d/ticket">
        <form class="tk-bulk-form" method="post" novalidate="novalidate"
            action="/tickets/desk?{$d/@query}&amp;page={$d/pager/@page}">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:call-template name="desk-bulk"/>
          <xsl:call-template name="desk-table"/>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t(concat('tickets.desk.none.', $d/@view))"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$d/pager">
      <xsl:call-template name="tk-desk-pager">
        <xsl:with-param name="href" select="concat('/tickets/desk?', $d/@query, '&amp;page=')"/>
        <xsl:with-param name="has-rows" select="boolean($d/ticket)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="desk-filters">
    <form class="filter-bar" method="get" action="/tickets/desk" role="search" aria-label="{pt:t('tickets.desk.filter')}">
      <input type="hidden" name="view" value="{$d/@view}"/>
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('tickets.list.q')"/></label>
        <input type="search" id="q" name="q" value="{$d/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <xsl:if test="$d/org">
        <div class="field">
          <label for="org"><xsl:value-of select="pt:t('tickets.col.org')"/></label>
          <select id="org" name="org">
            <option value=""><xsl:value-of select="pt:t('tickets.desk.org.any')"/></option>
            <option value="{$d/org/@id}" selected="selected"><xsl:value-of select="$d/org"/></option>
          </select>
        </div>
      </xsl:if>
      <div class="field">
        <label for="service"><xsl:value-of select="pt:t('tickets.list.service')"/></label>
        <select id="service" name="service">
          <option value=""><xsl:value-of select="pt:t('tickets.list.service.any')"/></option>
          <xsl:for-each select="$d/services/service">
            <option value="{@slug}">
              <xsl:if test="@slug = $d/@service"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="priority"><xsl:value-of select="pt:t('tickets.col.priority')"/></label>
        <select id="priority" name="priority">
          <option value=""><xsl:value-of select="pt:t('tickets.desk.priority.any')"/></option>
          <xsl:for-each select="str:split('1 2 3 4 5', ' ')">
            <option value="{.}">
              <xsl:if test=". = $d/@priority"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tickets.priority.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="$d/@view != 'pending'">
        <div class="field">
          <label for="status"><xsl:value-of select="pt:t('tickets.list.status')"/></label>
          <select id="status" name="status">
            <option value=""><xsl:value-of select="pt:t('tickets.list.status.active')"/></option>
            <xsl:for-each select="str:split('new open pending resolved closed', ' ')">
              <option value="{.}">
                <xsl:if test=". = $d/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('tickets.status.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <div class="field">
        <label for="per"><xsl:value-of select="pt:t('tickets.desk.per')"/></label>
        <select id="per" name="per">
          <xsl:for-each select="str:split('25 50 100', ' ')">
            <option value="{.}">
              <xsl:if test=". = $d/@per"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.list.apply')"/></button>
      </div>
    </form>
  </xsl:template>

  <!-- The outcome of a bulk change: how many changed, and which were not, why. -->
  <xsl:template match="bulk-result">
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="@state = 'done' and @changed &gt; 0">success</xsl:when>
        <xsl:when test="@state = 'done'">info</xsl:when>
        <xsl:otherwise>error</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="alert alert-{$kind} tk-bulk-result" role="status">
      <xsl:if test="@state = 'done'">
        <p>
          <xsl:call-template name="tk-fill">
            <xsl:with-param name="key" select="'tickets.bulk.changed'"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string(@changed)"/>
          </xsl:call-template>
          <xsl:if test="@unchanged &gt; 0">
            <xsl:text> </xsl:text>
            <xsl:call-template name="tk-fill">
              <xsl:with-param name="key" select="'tickets.bulk.unchanged'"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="string(@unchanged)"/>
            </xsl:call-template>
          </xsl:if>
        </p>
      </xsl:if>
      <xsl:if test="ticket">
        <p><xsl:value-of select="pt:t('tickets.bulk.not-changed')"/></p>
        <ul class="tk-bulk-refused">
          <xsl:for-each select="ticket">
            <li>
              <a href="/tickets/{@number}"><xsl:value-of select="@number"/></a>
              <xsl:text>: </xsl:text>
              <xsl:value-of select="pt:t(concat('tickets.bulk.why.', @why))"/>
            </li>
          </xsl:for-each>
          <xsl:if test="@more">
            <li>
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key" select="'tickets.bulk.more'"/>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string(@more)"/>
              </xsl:call-template>
            </li>
          </xsl:if>
        </ul>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- The bulk change: one select and button for each kind of change. -->
  <xsl:template name="desk-bulk">
    <fieldset class="tk-bulk" id="bulk">
      <legend><xsl:value-of select="pt:t('tickets.bulk.title')"/></legend>
      <p class="hint" id="bulk-help">
        <xsl:call-template name="tk-fill">
          <xsl:with-param name="key" select="'tickets.bulk.help'"/>
          <xsl:with-param name="name" select="'max'"/>
          <xsl:with-param name="value" select="string($d/@bulk-max)"/>
        </xsl:call-template>
      </p>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'bulk'"/></xsl:call-template>
      <div class="tk-bulk-actions">
        <div class="tk-bulk-action">
          <xsl:call-template name="bulk-field">
            <xsl:with-param name="name" select="'bulk-to'"/>
            <xsl:with-param name="label" select="'tickets.bulk.to.label'"/>
            <xsl:with-param name="options">
              <option value=""><xsl:value-of select="pt:t('tickets.bulk.choose')"/></option>
              <option value="me">
                <xsl:if test="$bulk/field[@name = 'bulk-to'] = 'me'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t('tickets.bulk.to.me')"/>
              </option>
              <xsl:for-each select="$d/groups/group">
                <xsl:variable name="g" select="@id"/>
                <optgroup label="{.}">
                  <xsl:call-template name="bulk-option">
                    <xsl:with-param name="value" select="concat('g', @id)"/>
                    <xsl:with-param name="text">
                      <xsl:call-template name="tk-fill">
                        <xsl:with-param name="key" select="'tickets.bulk.to.group'"/>
                        <xsl:with-param name="name" select="'group'"/>
                        <xsl:with-param name="value" select="string(.)"/>
                      </xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                  <xsl:for-each select="$d/agents/person[@group = $g]">
                    <xsl:call-template name="bulk-option">
                      <xsl:with-param name="value" select="concat('a', $g, '-', @id)"/>
                      <xsl:with-param name="text" select="string(.)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </optgroup>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <button type="submit" name="action" value="assign" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.bulk.assign')"/></button>
        </div>
        <div class="tk-bulk-action">
          <xsl:call-template name="bulk-field">
            <xsl:with-param name="name" select="'bulk-status'"/>
            <xsl:with-param name="label" select="'tickets.bulk.status.label'"/>
            <xsl:with-param name="options">
              <option value=""><xsl:value-of select="pt:t('tickets.bulk.choose')"/></option>
              <xsl:for-each select="str:split('new open pending resolved closed', ' ')">
                <xsl:call-template name="bulk-option">
                  <xsl:with-param name="value" select="string(.)"/>
                  <xsl:with-param name="field" select="'bulk-status'"/>
                  <xsl:with-param name="text" select="pt:t(concat('tickets.status.', .))"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="bulk-field">
            <xsl:with-param name="name" select="'bulk-reason'"/>
            <xsl:with-param name="label" select="'tickets.agent.status.reason'"/>
            <xsl:with-param name="options">
              <option value=""><xsl:value-of select="pt:t('tickets.agent.status.reason.none')"/></option>
              <xsl:for-each select="str:split('customer third_party', ' ')">
                <xsl:call-template name="bulk-option">
                  <xsl:with-param name="value" select="string(.)"/>
                  <xsl:with-param name="field" select="'bulk-reason'"/>
                  <xsl:with-param name="text" select="pt:t(concat('tickets.pending.', .))"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <button type="submit" name="action" value="status" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.bulk.set-status')"/></button>
        </div>
        <div class="tk-bulk-action">
          <xsl:call-template name="bulk-field">
            <xsl:with-param name="name" select="'bulk-priority'"/>
            <xsl:with-param name="label" select="'tickets.bulk.priority.label'"/>
            <xsl:with-param name="options">
              <option value=""><xsl:value-of select="pt:t('tickets.bulk.choose')"/></option>
              <xsl:for-each select="str:split('1 2 3 4 5', ' ')">
                <xsl:call-template name="bulk-option">
                  <xsl:with-param name="value" select="string(.)"/>
                  <xsl:with-param name="field" select="'bulk-priority'"/>
                  <xsl:with-param name="text" select="pt:t(concat('tickets.priority.', .))"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <button type="submit" name="action" value="priority" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.bulk.set-priority')"/></button>
        </div>
      </div>
    </fieldset>
  </xsl:template>

  <!-- A select of the bulk form with its label and messages. -->
  <xsl:template name="bulk-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="options"/>
    <div class="field">
      <xsl:if test="/page/messages/message[@field = $name and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="{$name}"><xsl:value-of select="pt:t($label)"/></label>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <select id="{$name}" name="{$name}">
        <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="$name"/></xsl:call-template>
        <xsl:copy-of select="$options"/>
      </select>
    </div>
  </xsl:template>

  <!-- An option of the bulk form, chosen again after a refused change. -->
  <xsl:template name="bulk-option">
    <xsl:param name="value"/>
    <xsl:param name="text"/>
    <xsl:param name="field" select="'bulk-to'"/>
    <option value="{$value}">
      <xsl:if test="$bulk/field[@name = $field] = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </option>
  </xsl:template>

  <xsl:template name="desk-table">
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="desk-caption">
      <table class="data-table tk-table tk-desk-table">
        <caption id="desk-caption" class="visually-hidden">
          <xsl:value-of select="pt:t(concat('tickets.desk.view.', $d/@view))"/>
        </caption>
        <thead>
          <tr>
            <th scope="col" class="tk-pick">
              <span class="visually-hidden"><xsl:value-of select="pt:t('tickets.bulk.col')"/></span>
              <label class="tk-select-all" for="select-all">
                <input type="checkbox" id="select-all" hidden="hidden"/>
                <span class="visually-hidden"><xsl:value-of select="pt:t('tickets.bulk.all')"/></span>
              </label>
            </th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.desk.col.number')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.subject')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.desk.col.due')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.priority')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.status')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.requester')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.assignee')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$d/ticket"/>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="desk/ticket">
    <xsl:variable name="n" select="string(@number)"/>
    <xsl:variable name="refused" select="$result/ticket[@number = $n]"/>
    <tr>
      <td class="tk-pick">
        <input type="checkbox" name="ticket" value="{@number}" id="pick-{@number}">
          <xsl:if test="$bulk/field[@name = 'ticket'] = $n"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <label class="visually-hidden" for="pick-{@number}">
          <xsl:value-of select="concat(substring-before($pick, '{number}'), $n, substring-after($pick, '{number}'))"/>
        </label>
      </td>
      <th scope="row">
        <a class="nowrap" href="{@href}"><xsl:value-of select="@number"/></a>
        <xsl:if test="$refused">
          <span class="tk-due-mark"><span class="status-badge sla-breached"><xsl:value-of select="pt:t('tickets.bulk.row-not-changed')"/></span></span>
        </xsl:if>
        <span class="tk-reason">
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string(@created)"/>
            <xsl:with-param name="style" select="'relative'"/>
          </xsl:call-template>
        </span>
      </th>
      <td class="tk-subject">
        <a href="{@href}"><xsl:value-of select="subject"/></a>
        <span class="tk-reason"><xsl:value-of select="service"/></span>
      </td>
      <td class="tk-due">
        <xsl:choose>
          <xsl:when test="string(@due) != ''">
            <!-- pt-datetime's relative <time>, and the absolute one too unless
                 the relative one is it already; each text made once. -->
            <xsl:variable name="iso" select="pt:time(string(@due), 'iso')"/>
            <xsl:variable name="relative" select="pt:time(string(@due), 'relative')"/>
            <xsl:variable name="absolute" select="pt:time(string(@due), 'datetime')"/>
            <time datetime="{$iso}">
              <xsl:if test="$absolute != $relative">
                <xsl:attribute name="title"><xsl:value-of select="$absolute"/></xsl:attribute>
              </xsl:if>
              <xsl:value-of select="$relative"/>
            </time>
            <xsl:if test="$absolute != $relative">
              <span class="tk-reason"><time datetime="{$iso}"><xsl:value-of select="$absolute"/></time></span>
            </xsl:if>
            <xsl:if test="@breached">
              <span class="tk-due-mark"><span class="status-badge sla-breached"><xsl:value-of select="pt:t('sla.mark.breached')"/></span></span>
            </xsl:if>
            <xsl:if test="@at-risk">
              <span class="tk-due-mark"><span class="status-badge sla-at-risk"><xsl:value-of select="pt:t('sla.mark.at-risk')"/></span></span>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <span class="tk-none"><xsl:value-of select="pt:t('tickets.desk.due.none')"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:call-template name="tk-priority"><xsl:with-param name="priority" select="string(@priority)"/></xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="tk-status">
          <xsl:with-param name="status" select="string(@status)"/>
        </xsl:call-template>
        <xsl:if test="string(@pending-reason) != ''">
          <span class="tk-reason"><xsl:value-of select="pt:t(concat('tickets.pending.', @pending-reason))"/></span>
        </xsl:if>
      </td>
      <td>
        <xsl:value-of select="requester"/>
        <span class="tk-reason"><a href="/tickets/desk?view=all&amp;org={org/@id}"><xsl:value-of select="org"/></a></span>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="assignee"><xsl:value-of select="assignee"/></xsl:when>
          <xsl:otherwise><span class="tk-none"><xsl:value-of select="pt:t('tickets.desk.nobody')"/></span></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="group">
          <span class="tk-reason"><xsl:value-of select="group"/></span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
