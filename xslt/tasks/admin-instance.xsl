<?xml version="1.0" encoding="UTF-8"?>
<!-- An instance (view "admin-instance", admin.processes): its drawing
     with the active elements highlighted and the path taken shaded, the
     controls, what was asked of the engine, its open tasks, incidents,
     variables, history and child instances.  Data: /page/instance (@id
     @definition @process @version @name @business-key @org @state
     @incidents @started-by @started @ended @end-name @parent) with drawing,
     tokens/token (@element @name @since), variables/variable (@name @type
     @updated; the text is the value), history (@total) /step (@element
     @name @kind @started @ended @seconds @by @outcome),
     tasks/task, incidents/incident (@id @name @created @resolved
     @resolution @by; the text is the message), children/child,
     commands/command (@kind @asked @failed @error @by). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t('processes.instance.title')"/>
      <xsl:with-param name="name" select="'id'"/>
      <xsl:with-param name="value" select="string(instance/@id)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="i" select="instance"/>
    <xsl:variable name="base" select="concat('/admin/processes/instances/', $i/@id)"/>
    <div class="admin-head">
      <div>
        <p class="eyebrow"><a href="/admin/processes/version/{$i/@definition}"><xsl:value-of select="$i/@name"/></a></p>
        <h1>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('processes.instance.title')"/>
            <xsl:with-param name="name" select="'id'"/>
            <xsl:with-param name="value" select="string($i/@id)"/>
          </xsl:call-template>
        </h1>
        <p class="lead">
          <xsl:call-template name="pa-state"><xsl:with-param name="state" select="string($i/@state)"/></xsl:call-template>
          <xsl:if test="string($i/@business-key) != ''">
            <xsl:text> </xsl:text>
            <span class="pa-bkey"><xsl:value-of select="$i/@business-key"/></span>
          </xsl:if>
        </p>
      </div>
    </div>
    <xsl:call-template name="pa-tabs"><xsl:with-param name="current" select="''"/></xsl:call-template>

    <dl class="pa-facts">
      <dt><xsl:value-of select="pt:t('processes.col.process')"/></dt>
      <dd>
        <a href="/admin/processes/version/{$i/@definition}"><xsl:value-of select="$i/@name"/></a>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('processes.version.short')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string($i/@version)"/>
        </xsl:call-template>
        <xsl:text>)</xsl:text>
      </dd>
      <dt><xsl:value-of select="pt:t('processes.col.org')"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$i/@org"><xsl:value-of select="$i/@org"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('processes.org.provider')"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><xsl:value-of select="pt:t('processes.col.started')"/></dt>
      <dd>
        <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($i/@started)"/></xsl:call-template>
        <xsl:if test="$i/@started-by">
          <xsl:text> </xsl:text>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('processes.by')"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="value" select="string($i/@started-by)"/>
          </xsl:call-template>
        </xsl:if>
      </dd>
      <xsl:if test="$i/@ended">
        <dt><xsl:value-of select="pt:t('processes.col.ended')"/></dt>
        <dd>
          <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($i/@ended)"/></xsl:call-template>
          <xsl:if test="$i/@end-name"><xsl:value-of select="concat(' (', $i/@end-name, ')')"/></xsl:if>
        </dd>
      </xsl:if>
      <xsl:if test="$i/@parent">
        <dt><xsl:value-of select="pt:t('processes.instance.parent')"/></dt>
        <dd><a href="/admin/processes/instances/{$i/@parent}"><xsl:value-of select="$i/@parent"/></a></dd>
      </xsl:if>
    </dl>

    <xsl:if test="$i/commands/command">
      <section class="alert alert-info pa-commands" aria-labelledby="commands-title">
        <h2 id="commands-title"><xsl:value-of select="pt:t('processes.commands.title')"/></h2>
        <ul>
          <xsl:for-each select="$i/commands/command">
            <li>
              <xsl:value-of select="pt:t(concat('processes.command.', @kind))"/>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@asked)"/></xsl:call-template>
              <xsl:if test="@by"><xsl:value-of select="concat(' · ', @by)"/></xsl:if>
              <xsl:text>: </xsl:text>
              <xsl:choose>
                <xsl:when test="@failed">
                  <strong><xsl:value-of select="pt:t('processes.command.failed')"/></strong>
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="@error"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t('processes.command.pending')"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
        <p><a href="{$base}"><xsl:value-of select="pt:t('processes.commands.reload')"/></a></p>
      </section>
    </xsl:if>

    <xsl:if test="$i/@state = 'running' or $i/@state = 'suspended'">
      <div class="pa-controls">
        <xsl:if test="$i/@state = 'running'">
          <form method="post" action="{$base}/suspend">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('processes.control.suspend')"/></button>
          </form>
        </xsl:if>
        <xsl:if test="$i/@state = 'suspended'">
          <form method="post" action="{$base}/resume">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('processes.control.resume')"/></button>
          </form>
        </xsl:if>
        <form method="post" action="{$base}/cancel">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('processes.control.cancel')"/></button>
        </form>
        <p class="field-hint"><xsl:value-of select="pt:t('processes.control.hint')"/></p>
      </div>
    </xsl:if>

    <section aria-labelledby="drawing-title">
      <h2 id="drawing-title"><xsl:value-of select="pt:t('processes.instance.drawing')"/></h2>
      <xsl:call-template name="pa-drawing">
        <xsl:with-param name="drawing" select="$i/drawing"/>
        <xsl:with-param name="label-id" select="'drawing-title'"/>
      </xsl:call-template>
      <p>
        <xsl:value-of select="pt:t('processes.instance.active')"/>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$i/tokens/token">
            <xsl:for-each select="$i/tokens/token">
              <strong><xsl:value-of select="@name"/></strong>
              <xsl:text> (</xsl:text>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string(@since)"/>
                <xsl:with-param name="style" select="'relative'"/>
              </xsl:call-template>
              <xsl:text>)</xsl:text>
              <xsl:if test="position() != last()">, </xsl:if>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('processes.instance.no-tokens')"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </section>

    <xsl:if test="$i/incidents/incident">
      <section aria-labelledby="incidents-caption">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="incidents-caption">
          <table class="data-table">
            <caption id="incidents-caption"><xsl:value-of select="pt:t('processes.incidents')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.element')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.message')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.created')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.resolution')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$i/incidents/incident">
                <tr>
                  <th scope="row"><xsl:value-of select="@name"/></th>
                  <td class="pa-message"><xsl:value-of select="."/></td>
                  <td><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@created)"/></xsl:call-template></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@resolved">
                        <xsl:value-of select="pt:t(concat('processes.resolution.', @resolution))"/>
                        <xsl:text> </xsl:text>
                        <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@resolved)"/></xsl:call-template>
                        <xsl:if test="@by"><xsl:value-of select="concat(' · ', @by)"/></xsl:if>
                      </xsl:when>
                      <xsl:when test="$i/@state = 'running'">
                        <form method="post" action="{$base}/incidents/{@id}/retry" class="pa-inline">
                          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                          <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('processes.control.retry')"/></button>
                        </form>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="pt:t('processes.resolution.open')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:if>

    <section aria-labelledby="tasks-caption">
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="tasks-caption">
        <table class="data-table">
          <caption id="tasks-caption"><xsl:value-of select="pt:t('processes.tasks')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.task')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.assignee')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.created')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.due')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$i/tasks/task">
              <tr>
                <th scope="row"><xsl:value-of select="."/></th>
                <td>
                  <xsl:choose>
                    <xsl:when test="@assignee"><xsl:value-of select="@assignee"/></xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="pt-replace">
                        <xsl:with-param name="text" select="pt:t('processes.task.offered')"/>
                        <xsl:with-param name="name" select="'roles'"/>
                        <xsl:with-param name="value" select="string(@roles)"/>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@created)"/></xsl:call-template></td>
                <td><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@due)"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($i/tasks/task)">
              <tr><td colspan="4"><xsl:value-of select="pt:t('processes.tasks.none')"/></td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
    </section>

    <section aria-labelledby="variables-caption">
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="variables-caption">
        <table class="data-table">
          <caption id="variables-caption"><xsl:value-of select="pt:t('processes.variables')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.variable')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.type')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.value')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.updated')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$i/variables/variable">
              <tr>
                <th scope="row"><code><xsl:value-of select="@name"/></code></th>
                <td><xsl:value-of select="@type"/></td>
                <td class="pa-value"><xsl:value-of select="."/></td>
                <td><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@updated)"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($i/variables/variable)">
              <tr><td colspan="4"><xsl:value-of select="pt:t('processes.variables.none')"/></td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
    </section>

    <section aria-labelledby="history-caption">
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="history-caption">
        <table class="data-table">
          <caption id="history-caption"><xsl:value-of select="pt:t('processes.history')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.element')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.started')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.ended')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.duration')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.who')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.outcome')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$i/history/step">
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <td><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@started)"/></xsl:call-template></td>
                <td><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@ended)"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="pa-duration"><xsl:with-param name="seconds" select="@seconds"/></xsl:call-template></td>
                <td><xsl:value-of select="@by"/></td>
                <td><xsl:value-of select="@outcome"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <xsl:if test="number($i/history/@total) &gt; count($i/history/step)">
        <p class="field-hint">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text" select="pt:t('processes.history.cut')"/>
                <xsl:with-param name="name" select="'shown'"/>
                <xsl:with-param name="value" select="string(count($i/history/step))"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'total'"/>
            <xsl:with-param name="value" select="string($i/history/@total)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </section>

    <xsl:if test="$i/children/child">
      <section aria-labelledby="children-title">
        <h2 id="children-title"><xsl:value-of select="pt:t('processes.instance.children')"/></h2>
        <ul>
          <xsl:for-each select="$i/children/child">
            <li>
              <a href="/admin/processes/instances/{@id}"><xsl:value-of select="concat(., ' #', @id)"/></a>
              <xsl:text> </xsl:text>
              <xsl:call-template name="pa-state"><xsl:with-param name="state" select="string(@state)"/></xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
